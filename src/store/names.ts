/** Design and flow names are capped as the design format caps them (a longer one would make a saved design unreadable). */
export const MAX_NAME_LENGTH = 200;
