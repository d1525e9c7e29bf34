/**
 * On an edit page the stepper sits above the form: a move asked for there carries the values the
 * user has typed but not saved (the gate is judged on them, as a save would), and the form takes
 * the saved record afterwards. The form publishes its values through this context; elsewhere
 * (show page, board) there is none and a move sends the stored record.
 */
import { createContext, type ReactNode, useContext, useEffect, useRef, type MutableRefObject } from 'react';
import { useFormContext } from 'react-hook-form';

interface UnsavedEdits {
  /** The form's values when it has unsaved changes, else undefined. */
  read: () => Record<string, unknown> | undefined;
  /** The form takes `record` as its saved state. */
  reset: (record: Record<string, unknown>) => void;
}

const UnsavedEditsContext = createContext<MutableRefObject<UnsavedEdits | null> | null>(null);

export function UnsavedEditsProvider({ children }: { children: ReactNode }) {
  const edits = useRef<UnsavedEdits | null>(null);
  return <UnsavedEditsContext.Provider value={edits}>{children}</UnsavedEditsContext.Provider>;
}

/** Rendered inside the edit form. */
export function PublishUnsavedEdits() {
  const form = useFormContext();
  const edits = useContext(UnsavedEditsContext);
  useEffect(() => {
    if (!edits) return;
    edits.current = {
      read: () => (form.formState.isDirty ? form.getValues() : undefined),
      reset: (record) => form.reset(record),
    };
    return () => {
      edits.current = null;
    };
  }, [form, edits]);
  return null;
}

export function useUnsavedEdits(): UnsavedEdits {
  const edits = useContext(UnsavedEditsContext);
  return {
    read: () => edits?.current?.read(),
    reset: (record) => edits?.current?.reset(record),
  };
}
