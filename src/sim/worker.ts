import { expose } from 'comlink';
import { analysisApi } from './analysisApi';

// The Web Worker entry: heavy analyses (and the simulation) run here, off the main thread.
expose(analysisApi);
