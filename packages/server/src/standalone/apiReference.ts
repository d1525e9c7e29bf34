/**
 * A browsable API reference built from the OpenAPI document, self-contained (no CDN), so it
 * works on a machine without internet access.
 */
export function apiReferencePage(openapi: OpenApiDocument): string {
  const sections = Object.entries(groupByTag(openapi))
    .map(([tag, operations]) => `<section><h2>${escapeHtml(tag)}</h2><table>${operations.map(operationRow).join('')}</table></section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(openapi.info.title)} reference</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
h2{margin-top:2rem;border-bottom:1px solid #ddd}td{padding:.2rem .6rem;vertical-align:top}
.m{font:bold 12px monospace;padding:.1rem .4rem;border-radius:3px;color:#fff}
.get{background:#2e7d32}.post{background:#1565c0}.put{background:#ef6c00}.delete{background:#c62828}
code{background:#f4f4f4;padding:0 .25rem}
</style></head><body>
<h1>${escapeHtml(openapi.info.title)}</h1>
<p>${escapeHtml(openapi.info.description ?? '')}</p>
<p>Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1). Lists take <code>sort</code>, <code>range</code> and <code>filter</code>
as JSON in the query string and answer with <code>Content-Range</code>, as <code>ra-data-simple-rest</code> expects.</p>
${sections}
</body></html>`;
}

interface Operation {
  summary?: string;
  description?: string;
  operationId?: string;
  tags?: string[];
}
export interface OpenApiDocument {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation | unknown>>;
}

const METHODS = ['get', 'post', 'put', 'delete'];

function groupByTag(openapi: OpenApiDocument): Record<string, { method: string; path: string; op: Operation }[]> {
  const groups: Record<string, { method: string; path: string; op: Operation }[]> = {};
  for (const [path, item] of Object.entries(openapi.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      (groups[tag] ??= []).push({ method, path, op });
    }
  }
  return groups;
}

function operationRow({ method, path, op }: { method: string; path: string; op: Operation }): string {
  return `<tr><td><span class="m ${method}">${method.toUpperCase()}</span></td><td><code>/api${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? op.description ?? op.operationId ?? '')}</td></tr>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
