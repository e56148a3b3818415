import { describe, expect, it } from 'vitest';
import { LESSONS } from '../scenarios/learn/lessons';
import { TEMPLATES } from '../scenarios/templates';
import { screenSizeFor } from './PanelLayout';
import { LESSON_FOR_TEMPLATE } from './TryThisState';

describe('the try-this card', () => {
  it('names lessons that exist, by their own titles, for templates that exist', () => {
    for (const [templateId, lesson] of Object.entries(LESSON_FOR_TEMPLATE)) {
      expect(TEMPLATES.map((t) => t.id)).toContain(templateId);
      expect(LESSONS.find((l) => l.id === lesson.id)?.title).toBe(lesson.title);
    }
  });
});

describe('screen sizes', () => {
  it('are a phone below 768 px, narrow below 1024 px, wide from there', () => {
    expect([390, 767, 768, 1023, 1024, 1440].map(screenSizeFor)).toEqual([
      'phone',
      'phone',
      'narrow',
      'narrow',
      'wide',
      'wide',
    ]);
  });
});
