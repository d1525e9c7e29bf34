/**
 * Moving a record to another stage, shared by the board and the stepper: checks the move is a
 * transition of the schema, asks for the reason when the target stage needs one, sends a
 * pessimistic `update` with the new stage, and shows the server's reasons when it refuses.
 * Out of a locked stage, the move is a reversal: refused at once to a user without a reversal
 * role, otherwise sent with the reason asked for as `_comment` (the history's comment).
 */
import { useState, type ReactNode } from 'react';
import { useDataProvider, useLocaleState, useNotify, type Identifier, type RaRecord } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { useSalesTranslate } from './messages.js';
import { fieldLabel, reasonMinLength, reasonNeeded, stageLabel, targetsOf, type WorkflowEntity } from './model.js';
import { readRefusal, type Refusal } from './refusal.js';
import { RefusalDialog } from './RefusalDialog.js';
import { TextPromptDialog } from './TextPromptDialog.js';
import { useLockedExit } from './useLockedExit.js';

export interface StageMove {
  /** Starts a move; resolves when it is done, refused or cancelled. */
  requestMove: (record: RaRecord, to: string) => void;
  /** Id of the record whose move is in flight. */
  moving: Identifier | null;
  /** The reason and refusal dialogs; render it once next to the caller. */
  dialogs: ReactNode;
}

export function useStageMove(entity: WorkflowEntity, onMoved?: (record: RaRecord) => void): StageMove {
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const t = useSalesTranslate();
  const { workflow, resource } = entity;
  const [moving, setMoving] = useState<Identifier | null>(null);
  const [reasonFor, setReasonFor] = useState<{ record: RaRecord; to: string } | null>(null);
  /** The refused move: what was sent (`record`, and a reversal's `reason` / `comment`), to ask again after the missing fields. */
  const [refused, setRefused] = useState<{ refusal: Refusal; to: string; record: RaRecord; reason?: string; comment?: string } | null>(
    null,
  );
  const [fixing, setFixing] = useState(false);
  const [reversal, setReversal] = useState<{ record: RaRecord; to: string } | null>(null);
  const lockedExit = useLockedExit(entity);
  const label = (id: string) => stageLabel(workflow, id, locale);

  /** `comment`: a reversal's reason; only the move, the reason and `version` are sent, nothing of the locked record. */
  const send = async (record: RaRecord, to: string, reason?: string, comment?: string) => {
    const data: Record<string, unknown> =
      comment === undefined
        ? { ...record, [workflow.field]: to }
        : { [workflow.field]: to, _comment: comment, ...(record.version !== undefined && { version: record.version }) };
    if (reason !== undefined && workflow.reasonField) data[workflow.reasonField] = reason;
    setMoving(record.id);
    try {
      const { data: saved } = await dataProvider.update(resource, { id: record.id, data, previousData: record });
      const arrived = saved?.[workflow.field] === to;
      notify(t(arrived ? 'workflow.moved' : 'workflow.approval_requested', { stage: label(to) }), {
        type: arrived ? 'success' : 'info',
      });
      setRefused(null);
      onMoved?.(saved);
    } catch (error) {
      setRefused({ refusal: readRefusal(error, entity, locale), to, record, reason, comment });
    } finally {
      setMoving(null);
      await Promise.all([resource, 'approvals', 'history'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    }
  };

  const requestMove = (record: RaRecord, to: string) => {
    const from = record[workflow.field] as string;
    if (from === to || moving != null) return;
    if (!targetsOf(workflow, from).has(to)) {
      notify(t('workflow.not_allowed', { from: label(from), to: label(to) }), { type: 'warning' });
      return;
    }
    const locked = lockedExit(record);
    if (locked && !locked.allowed) {
      notify(t('workflow.reverse_not_allowed', { stage: label(from), roles: locked.who }), { type: 'warning' });
      return;
    }
    if (locked) setReversal({ record, to });
    else if (reasonNeeded(workflow, to)) setReasonFor({ record, to });
    else void send(record, to);
  };

  /** The refusal dialog's "Save and move": the values saved on the record (its version sent), then the move asked again. */
  const saveAndMove = async (values: Record<string, unknown>) => {
    if (!refused) return;
    const { record, to, reason, comment } = refused;
    setFixing(true);
    let saved: RaRecord;
    try {
      ({ data: saved } = await dataProvider.update(resource, { id: record.id, data: { ...record, ...values }, previousData: record }));
    } catch (error) {
      setRefused({ ...refused, refusal: readRefusal(error, entity, locale) });
      setFixing(false);
      return;
    }
    // The values are kept even if the move is refused again: the page (an edit form) takes the saved record.
    onMoved?.(saved);
    setRefused({ ...refused, record: saved });
    await send(saved, to, reason, comment);
    setFixing(false);
  };

  const reversalMinLength = (to: string) => (reasonNeeded(workflow, to) ? Math.max(1, reasonMinLength(workflow, to) ?? 1) : 1);

  const dialogs = (
    <>
      <TextPromptDialog
        open={!!reasonFor}
        title={reasonFor ? t('workflow.reason_title', { stage: label(reasonFor.to) }) : ''}
        label={workflow.reasonField ? fieldLabel(entity, workflow.reasonField, locale) : ''}
        minLength={reasonFor ? Math.max(1, reasonMinLength(workflow, reasonFor.to) ?? 1) : 1}
        onCancel={() => setReasonFor(null)}
        onConfirm={(text) => {
          const pending = reasonFor;
          setReasonFor(null);
          if (pending) void send(pending.record, pending.to, text);
        }}
      />
      <TextPromptDialog
        open={!!reversal}
        title={reversal ? t('workflow.reverse_title', { stage: label(reversal.record[workflow.field] as string) }) : ''}
        label={t('workflow.reverse_reason')}
        minLength={reversal ? reversalMinLength(reversal.to) : 1}
        confirmLabel={reversal ? t('workflow.reverse_to', { stage: label(reversal.to) }) : undefined}
        onCancel={() => setReversal(null)}
        onConfirm={(text) => {
          const pending = reversal;
          setReversal(null);
          if (pending) void send(pending.record, pending.to, reasonNeeded(workflow, pending.to) ? text : undefined, text);
        }}
      />
      <RefusalDialog
        refusal={refused?.refusal ?? null}
        stage={refused ? label(refused.to) : ''}
        onClose={() => setRefused(null)}
        entity={entity}
        record={refused?.record}
        onSaveAndMove={saveAndMove}
        busy={fixing}
      />
    </>
  );

  return { requestMove, moving, dialogs };
}
