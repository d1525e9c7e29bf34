/**
 * A list total the server estimated (`X-Total-Count-Exact: false`, docs/server.md, Counting) travels
 * from the data provider to the screens as `meta.totalExact: false`: written here, read here.
 */
export function markEstimated<R extends { meta?: unknown }>(result: R): R {
  return { ...result, meta: { ...(result.meta as object | undefined), totalExact: false } };
}

/** Whether a list result's `meta` says its total is the server's estimate. */
export function isEstimatedTotal(meta: unknown): boolean {
  return (meta as { totalExact?: boolean } | undefined)?.totalExact === false;
}
