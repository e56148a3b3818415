/** One node component per resource kind, from the kind views; they share the frame and card visuals. */
export { NODE_TYPES } from '../kinds';
