import { startTransition, useEffect, useState } from 'react';

/**
 * False in a component's first render, true in a low-priority render right after: a part that is
 * not needed to see the screen (a list row's buttons) comes a moment after the first paint
 * instead of delaying it. The rows mounted together catch up in one render.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => startTransition(() => setPainted(true)), []);
  return painted;
}
