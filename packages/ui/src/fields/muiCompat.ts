/**
 * Props of a TextField's input and native input under every MUI major react-admin 5 supports.
 *
 * MUI 5 knows only `InputProps` / `inputProps`; MUI 6 and 7 know both; MUI 9 only `slotProps.input`
 * / `slotProps.htmlInput`. Neither spelling type-checks under both 5 and 9, so the props are put
 * where the running MUI reads them (as react-admin's own inputs do, with `major` from
 * `@mui/material`) and the caller's props keep their type.
 */
import { major } from '@mui/material';

type Bag = Record<string, unknown>;
/** What a caller may already have put there (untyped: either spelling may be absent from the types). */
interface Spellings {
  slotProps?: Bag & { input?: unknown; htmlInput?: unknown };
  InputProps?: Bag;
  inputProps?: Bag;
}

/** A slot's props under `slotProps` may be a function of the owner state: ours go underneath. */
const under = (ours: Bag | undefined, theirs: unknown): unknown => {
  if (!ours) return theirs;
  if (typeof theirs === 'function') return (ownerState: unknown) => ({ ...ours, ...(theirs as (state: unknown) => Bag)(ownerState) });
  return { ...ours, ...(theirs as Bag | undefined) };
};

/**
 * `props` with `input` (the Input component: adornments, `readOnly`) and `htmlInput` (the native
 * `<input>`: `data-*`, `step`) added under the props the caller gave, which win.
 */
export function withInputSlots<P extends object>(props: P, input?: Bag, htmlInput?: Bag, muiMajor: number = major): P {
  const own = props as P & Spellings;
  if (muiMajor >= 6) {
    const slotProps = own.slotProps ?? {};
    const merged: Bag = { ...slotProps };
    if (input) merged.input = under(input, slotProps.input);
    if (htmlInput) merged.htmlInput = under(htmlInput, slotProps.htmlInput);
    return { ...props, slotProps: merged };
  }
  return {
    ...props,
    ...(input ? { InputProps: { ...input, ...own.InputProps } } : {}),
    ...(htmlInput ? { inputProps: { ...htmlInput, ...own.inputProps } } : {}),
  };
}
