import { describe, expect, it } from 'vitest';
import { BASE_PADDING, CARD_GAP, fitPadding } from './fitViewPadding';

describe('fitPadding', () => {
  const card = { right: 236, bottom: 190 };

  it('is the toolbar padding alone when no card is shown', () => {
    expect(fitPadding(null, { width: 1000, height: 500 }, { width: 900, height: 800 })).toEqual(BASE_PADDING);
  });

  it('fits a wide design below the card, where height is to spare', () => {
    // Width limits the zoom (852 / 1000); taking the card's width off the left would shrink it further.
    expect(fitPadding(card, { width: 1000, height: 300 }, { width: 900, height: 800 })).toEqual({
      ...BASE_PADDING,
      top: card.bottom + CARD_GAP,
    });
  });

  it('fits a tall design beside the card, where width is to spare', () => {
    expect(fitPadding(card, { width: 300, height: 1000 }, { width: 900, height: 800 })).toEqual({
      ...BASE_PADDING,
      left: card.right + CARD_GAP,
    });
  });

  it('prefers the top when both sides reach the largest zoom', () => {
    // A small design shown at 1:1 either way.
    expect(fitPadding(card, { width: 100, height: 100 }, { width: 900, height: 800 }).top).toBe(card.bottom + CARD_GAP);
  });
});
