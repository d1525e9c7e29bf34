/**
 * Moving a record to another stage, shared by the board and the stepper: checks the move is a
 * transition of the schema, asks for the reason when the target stage needs one, sends a
 * pessimistic `update` with the new stage, and shows the server's reasons when it refuses.
 */
import { useState, type ReactNode } from 'react';
import { useDataProvider, useLocaleState, useNotify, type Identifier, type RaRecord } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import { useSalesTranslate } from './messages.js';
import { fieldLabel, reasonMinLength, reasonNeeded, stageLabel, targetsOf, type WorkflowEntity } from './model.js';
import { readRefusal, type Refusal } from './refusal.js';
import { RefusalDialog } from './RefusalDialog.js';
import { TextPromptDialog } from './TextPromptDialog.js';

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
  const [refused, setRefused] = useState<{ refusal: Refusal; to: string } | null>(null);
  const label = (id: string) => stageLabel(workflow, id, locale);

  const send = async (record: RaRecord, to: string, reason?: string) => {
    const data: RaRecord = { ...record, [workflow.field]: to };
    if (reason !== undefined && workflow.reasonField) data[workflow.reasonField] = reason;
    setMoving(record.id);
    try {
      const { data: saved } = await dataProvider.update(resource, { id: record.id, data, previousData: record });
      const arrived = saved?.[workflow.field] === to;
      notify(t(arrived ? 'workflow.moved' : 'workflow.approval_requested', { stage: label(to) }), {
        type: arrived ? 'success' : 'info',
      });
      onMoved?.(saved);
    } catch (error) {
      setRefused({ refusal: readRefusal(error, entity, locale), to });
    } finally {
      setMoving(null);
      await Promise.all(
        [resource, 'approvals', 'history'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      );
    }
  };

  const requestMove = (record: RaRecord, to: string) => {
    const from = record[workflow.field] as string;
    if (from === to || moving != null) return;
    if (!targetsOf(workflow, from).has(to)) {
      notify(t('workflow.not_allowed', { from: label(from), to: label(to) }), { type: 'warning' });
      return;
    }
    if (reasonNeeded(workflow, to)) setReasonFor({ record, to });
    else void send(record, to);
  };

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
      <RefusalDialog refusal={refused?.refusal ?? null} stage={refused ? label(refused.to) : ''} onClose={() => setRefused(null)} />
    </>
  );

  return { requestMove, moving, dialogs };
}
