/**
 * A phone held upright for `useMediaQuery`: every `max-width` query matches (a phone is below each
 * breakpoint), no `min-width` one does. jsdom lays nothing out, so the screens' breakpoints are
 * all the test can set.
 */
import { afterEach, beforeEach } from 'vitest';

function phoneMatchMedia(query: string): MediaQueryList {
  return {
    matches: /max-width/.test(query) && !/min-width/.test(query),
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  } as MediaQueryList;
}

/** Every test of the calling file runs on a phone's screen width. */
export function onPhone(): void {
  let desktop: typeof window.matchMedia;
  beforeEach(() => {
    desktop = window.matchMedia;
    window.matchMedia = phoneMatchMedia;
  });
  afterEach(() => {
    window.matchMedia = desktop;
  });
}
