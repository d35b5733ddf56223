import { useEffect, useState } from 'react';

/**
 * React hook: whether an element with `content-visibility: auto` is rendered by the
 * browser now (on screen or near it) or skipped (far off screen), from its
 * `contentvisibilityautostatechange` events (CSS Containment 2 §4; Chromium 108+). A tile
 * off screen uses it to stop re-rendering on the 1 Hz clock (`useNow(onScreen)`), so the
 * tick costs only what the visible tiles cost (docs/PERFORMANCE.md "Browser benchmark").
 *
 * True until the browser says otherwise, and always true where the event is not supported
 * (the tile then simply keeps ticking). Pass the element itself (a callback ref's state),
 * not a ref object, so the listener follows the element when it is replaced.
 * @returns false while the browser skips the element's contents
 */
export function useOnScreen(el: Element | null): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    if (!el) return;
    const onChange = (e: Event): void => setOnScreen((e as Event & { skipped?: boolean }).skipped !== true);
    el.addEventListener('contentvisibilityautostatechange', onChange);
    return () => {
      el.removeEventListener('contentvisibilityautostatechange', onChange);
      setOnScreen(true);
    };
  }, [el]);
  return onScreen;
}
