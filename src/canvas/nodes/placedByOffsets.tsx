import type { NodeProps } from '@xyflow/react';
import { useLayoutEffect, useRef, type ComponentType } from 'react';

/**
 * A node component that places React Flow's node element by `left` and `top` instead of the
 * `translate()` React Flow writes (src/index.css sets that transform aside). A transform gives
 * every node a coordinate space of its own, one more piece for the browser to sort into layers
 * on every frame of a pan; at thousands of nodes that sorting was most of the frame
 * (docs/benchmarks.md, "Canvas"). React Flow keeps every position in its own state, reads sizes
 * and handles from the element's box, and re-renders the node whenever its position changes, so
 * where the element is drawn is the only thing that differs.
 */
export function placedByOffsets<P extends NodeProps>(Node: ComponentType<P>): ComponentType<P> {
  function Placed(props: P) {
    const marker = useRef<HTMLSpanElement>(null);
    const { positionAbsoluteX: x, positionAbsoluteY: y } = props;
    useLayoutEffect(() => {
      const element = marker.current?.parentElement;
      if (!element) return;
      element.style.left = `${x}px`;
      element.style.top = `${y}px`;
    }, [x, y]);
    return (
      <>
        <span ref={marker} hidden />
        <Node {...props} />
      </>
    );
  }
  Placed.displayName = `Placed(${Node.displayName ?? Node.name})`;
  return Placed;
}
