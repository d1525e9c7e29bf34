export const tail = (text: string, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');
export const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
