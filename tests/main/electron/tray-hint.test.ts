import { describe, expect, it } from 'vitest';
import { createTrayHint, trayHintMessage } from '../../../src-main/electron/tray-hint';

describe('tray hint', () => {
  it('notifies the first time the window hides to the tray, never again', () => {
    let shown = false;
    const notes: unknown[] = [];
    const hint = createTrayHint({
      wasShown: () => shown,
      markShown: () => void (shown = true),
      notify: (message) => notes.push(message),
    });
    hint();
    hint();
    expect(notes).toEqual([trayHintMessage]);
    expect(shown).toBe(true);
  });

  it('stays quiet when an earlier run showed it', () => {
    const notes: unknown[] = [];
    createTrayHint({
      wasShown: () => true,
      markShown: () => undefined,
      notify: (m) => notes.push(m),
    })();
    expect(notes).toEqual([]);
  });
});
