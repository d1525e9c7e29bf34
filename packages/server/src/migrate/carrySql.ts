/**
 * The statements that carry data through a rename or a retired stage, together with what refers
 * to it: the audit's before/after documents, the stage history, the approvals and their frozen
 * values. After them, the history agrees with the records.
 */
import { quoteIdent, quoteLiteral } from './sql.js';

const AUDIT = quoteIdent('sales_audit');
const HISTORY = quoteIdent('sales_history');
const APPROVALS = quoteIdent('sales_approvals');

/** `doc` with its key `from` named `to` (`->` finds a key holding JSON null too, unlike `->>`). */
function renameKey(doc: string, from: string, to: string): string {
  return `CASE WHEN ${doc} -> ${quoteLiteral(from)} IS NULL THEN ${doc} ELSE (${doc} - ${quoteLiteral(from)}) || jsonb_build_object(${quoteLiteral(to)}, ${doc} -> ${quoteLiteral(from)}) END`;
}

export function renameColumnSql(table: string, from: string, to: string): string[] {
  const resource = quoteLiteral(table);
  const has = (doc: string) => `${doc} -> ${quoteLiteral(from)} IS NOT NULL`;
  return [
    `ALTER TABLE ${quoteIdent(table)} RENAME COLUMN ${quoteIdent(from)} TO ${quoteIdent(to)}`,
    `UPDATE ${AUDIT} SET before = ${renameKey('before', from, to)}, after = ${renameKey('after', from, to)} ` +
      `WHERE resource = ${resource} AND (${has('before')} OR ${has('after')})`,
    `UPDATE ${APPROVALS} SET frozen = ${renameKey('frozen', from, to)} WHERE resource = ${resource} AND ${has('frozen')}`,
  ];
}

/** `doc` with its `field` set to `to` where it held `from`. */
function replaceValue(doc: string, field: string, from: string, to: string): string {
  return `CASE WHEN ${doc} ->> ${quoteLiteral(field)} = ${quoteLiteral(from)} THEN jsonb_set(${doc}, ${quoteLiteral(`{${field}}`)}, to_jsonb(${quoteLiteral(to)}::text)) ELSE ${doc} END`;
}

function renameStageIn(table: string, from: string, to: string): string {
  const f = quoteLiteral(from);
  const t = quoteLiteral(to);
  return (
    `UPDATE ${table} SET from_stage = CASE WHEN from_stage = ${f} THEN ${t} ELSE from_stage END, ` +
    `to_stage = CASE WHEN to_stage = ${f} THEN ${t} ELSE to_stage END`
  );
}

export function renameStageSql(table: string, field: string, from: string, to: string): string[] {
  const resource = quoteLiteral(table);
  const inStage = `(from_stage = ${quoteLiteral(from)} OR to_stage = ${quoteLiteral(from)})`;
  return [
    // The record is the same record in the same stage under another name: its version moves on, its dates do not.
    `UPDATE ${quoteIdent(table)} SET ${quoteIdent(field)} = ${quoteLiteral(to)}, version = version + 1 WHERE ${quoteIdent(field)} = ${quoteLiteral(from)}`,
    `${renameStageIn(HISTORY, from, to)} WHERE resource = ${resource} AND ${inStage}`,
    `${renameStageIn(APPROVALS, from, to)} WHERE resource = ${resource} AND ${inStage}`,
    `UPDATE ${AUDIT} SET before = ${replaceValue('before', field, from, to)}, after = ${replaceValue('after', field, from, to)} ` +
      `WHERE resource = ${resource} AND (before ->> ${quoteLiteral(field)} = ${quoteLiteral(from)} OR after ->> ${quoteLiteral(field)} = ${quoteLiteral(from)})`,
  ];
}

export interface RetiredStageMove {
  table: string;
  field: string;
  stage: string;
  into: string;
  probability?: { field: string; value: number };
}

/** The comment of the history row a retired stage's move leaves. */
export const retiredComment = (stage: string, into: string) => `Stage "${stage}" retired by a migration: moved to "${into}"`;

/**
 * A retired stage's records move to `into` as a move would: a history row and an audit row each,
 * pending approvals to or from the retired stage cancelled, the stage entered now.
 */
export function retireStageSql(move: RetiredStageMove): string[] {
  const { table, field, stage, into } = move;
  const t = quoteIdent(table);
  const resource = quoteLiteral(table);
  const inStage = `${quoteIdent(field)} = ${quoteLiteral(stage)}`;
  const comment = quoteLiteral(retiredComment(stage, into));
  const probability = move.probability ? `, ${quoteIdent(move.probability.field)} = ${move.probability.value}` : '';
  const stageDoc = (value: string) => `jsonb_build_object(${quoteLiteral(field)}, ${quoteLiteral(value)}::text)`;
  return [
    `INSERT INTO ${HISTORY} (resource, record_id, from_stage, to_stage, comment) SELECT ${resource}, id, ${quoteLiteral(stage)}, ${quoteLiteral(into)}, ${comment} FROM ${t} WHERE ${inStage}`,
    `INSERT INTO ${AUDIT} (resource, record_id, action, before, after) SELECT ${resource}, id, 'transition', ${stageDoc(stage)}, ${stageDoc(into)} FROM ${t} WHERE ${inStage}`,
    `UPDATE ${APPROVALS} SET status = 'cancelled', comment = ${comment}, decided_at = now(), version = version + 1, updated_at = now() ` +
      `WHERE resource = ${resource} AND status = 'pending' AND (from_stage = ${quoteLiteral(stage)} OR to_stage = ${quoteLiteral(stage)})`,
    `UPDATE ${t} SET ${quoteIdent(field)} = ${quoteLiteral(into)}, stage_entered_at = now(), version = version + 1, updated_at = now()${probability} WHERE ${inStage}`,
  ];
}
