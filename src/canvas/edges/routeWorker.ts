/// <reference lib="webworker" />
/**
 * The edge router's Web Worker: libavoid (WebAssembly) loaded once, then one
 * answer per request, so routing a large design never blocks the page.
 */
import { AvoidLib } from 'libavoid-js';
import { routeEdges, type Avoid, type RouteRequest } from './route';

// The package's exports don't list its .wasm file, so it is named by path; Vite copies it into the build.
const wasmUrl = new URL('../../../node_modules/libavoid-js/dist/libavoid.wasm', import.meta.url).href;
const ready = AvoidLib.load(wasmUrl);

self.onmessage = async (event: MessageEvent<{ id: number; request: RouteRequest }>) => {
  const { id, request } = event.data;
  try {
    await ready;
    const routes = routeEdges(AvoidLib.getInstance() as unknown as Avoid, request);
    self.postMessage({ id, routes: [...routes] });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
