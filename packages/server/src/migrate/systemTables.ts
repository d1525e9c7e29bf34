import type { TableShape } from './shape.js';
import { indexName, uniqueIndexName } from './shape.js';

const id = { name: 'id', type: 'bigint', identity: true } as const;
const createdAt = { name: 'created_at', type: 'timestamptz', notNull: true, default: 'now()' } as const;
const updatedAt = { name: 'updated_at', type: 'timestamptz', notNull: true, default: 'now()' } as const;

function systemTable(name: string, columns: TableShape['columns'], indexColumns: string[][], primaryKey?: string[]): TableShape {
  return {
    name,
    columns,
    indexes: indexColumns.map((columns) => ({ name: indexName(name, columns), table: name, columns })),
    ...(primaryKey ? { primaryKey } : {}),
    system: true,
  };
}

export const SNAPSHOT_TABLE = 'sales_schema_snapshot';
export const SEQUENCES_TABLE = 'sales_sequences';

/**
 * The server-owned tables of docs/architecture.md, created by the first migration; tables and
 * columns added here later reach migrated databases on their next `applyMigrations`.
 */
export const SYSTEM_TABLES: TableShape[] = [
  systemTable(
    'sales_history',
    [
      id,
      { name: 'resource', type: 'text', notNull: true },
      { name: 'record_id', type: 'bigint', notNull: true },
      { name: 'from_stage', type: 'text' },
      { name: 'to_stage', type: 'text' },
      { name: 'user_id', type: 'bigint' },
      { name: 'comment', type: 'text' },
      createdAt,
    ],
    [['resource', 'record_id']],
  ),
  systemTable(
    'sales_approvals',
    [
      id,
      { name: 'resource', type: 'text', notNull: true },
      { name: 'record_id', type: 'bigint', notNull: true },
      { name: 'from_stage', type: 'text' },
      { name: 'to_stage', type: 'text', notNull: true },
      { name: 'role', type: 'text', notNull: true },
      { name: 'rule_index', type: 'integer', notNull: true },
      { name: 'label', type: 'jsonb' },
      {
        name: 'status',
        type: 'text',
        notNull: true,
        default: "'pending'",
        check: "status IN ('pending', 'approved', 'rejected', 'cancelled')",
      },
      { name: 'requested_by', type: 'bigint' },
      { name: 'decided_by', type: 'bigint' },
      { name: 'decided_at', type: 'timestamptz' },
      { name: 'comment', type: 'text' },
      // The values of the rule's `freezes` fields when the approved move was made; null until then.
      { name: 'frozen', type: 'jsonb' },
      { name: 'version', type: 'integer', notNull: true, default: '1' },
      createdAt,
      updatedAt,
    ],
    [
      ['resource', 'record_id'],
      ['status', 'role'],
    ],
  ),
  systemTable(
    'sales_audit',
    [
      id,
      { name: 'resource', type: 'text', notNull: true },
      { name: 'record_id', type: 'bigint', notNull: true },
      {
        name: 'action',
        type: 'text',
        notNull: true,
        check: "action IN ('create', 'update', 'delete', 'transition')",
      },
      { name: 'user_id', type: 'bigint' },
      { name: 'before', type: 'jsonb' },
      { name: 'after', type: 'jsonb' },
      createdAt,
    ],
    [['resource', 'record_id'], ['created_at']],
  ),
  systemTable(
    SNAPSHOT_TABLE,
    [id, { name: 'model', type: 'jsonb', notNull: true }, { name: 'applied_at', type: 'timestamptz', notNull: true, default: 'now()' }],
    [],
  ),
  // The last document number given per `x-sequence` field and period (e.g. `HT-2026-`).
  systemTable(
    SEQUENCES_TABLE,
    [
      { name: 'resource', type: 'text', notNull: true },
      { name: 'field', type: 'text', notNull: true },
      { name: 'period', type: 'text', notNull: true },
      { name: 'last_value', type: 'bigint', notNull: true },
    ],
    [],
    ['resource', 'field', 'period'],
  ),
  // Notes, calls and visits on any record (router/activities/).
  systemTable(
    'sales_notes',
    [
      id,
      { name: 'resource', type: 'text', notNull: true },
      { name: 'record_id', type: 'bigint', notNull: true },
      { name: 'kind', type: 'text', notNull: true },
      { name: 'body', type: 'text', notNull: true },
      { name: 'occurred_at', type: 'timestamptz', notNull: true, default: 'now()' },
      { name: 'author_id', type: 'bigint' },
      { name: 'version', type: 'integer', notNull: true, default: '1' },
      createdAt,
      updatedAt,
    ],
    [['resource', 'record_id']],
  ),
  // Tasks on any record, for their assignee (router/activities/).
  systemTable(
    'sales_tasks',
    [
      id,
      { name: 'resource', type: 'text', notNull: true },
      { name: 'record_id', type: 'bigint', notNull: true },
      { name: 'title', type: 'text', notNull: true },
      { name: 'description', type: 'text' },
      { name: 'due_date', type: 'date' },
      { name: 'assignee_id', type: 'bigint' },
      { name: 'done', type: 'boolean', notNull: true, default: 'false' },
      { name: 'done_at', type: 'timestamptz' },
      { name: 'done_by', type: 'bigint' },
      { name: 'created_by', type: 'bigint' },
      { name: 'version', type: 'integer', notNull: true, default: '1' },
      createdAt,
      updatedAt,
    ],
    [
      ['resource', 'record_id'],
      ['assignee_id', 'done', 'due_date'],
    ],
  ),
  // Files attached to any record (src/attachments/); the bytes live in the store under `storage_key`.
  ((table) => ({
    ...table,
    indexes: [
      ...table.indexes,
      { name: uniqueIndexName(table.name, ['storage_key']), table: table.name, columns: ['storage_key'], unique: true },
    ],
  }))(
    systemTable(
      'sales_attachments',
      [
        id,
        { name: 'resource', type: 'text', notNull: true },
        { name: 'record_id', type: 'bigint', notNull: true },
        { name: 'file_name', type: 'text', notNull: true },
        { name: 'content_type', type: 'text', notNull: true },
        { name: 'size', type: 'bigint', notNull: true },
        { name: 'sha256', type: 'text', notNull: true },
        { name: 'storage_key', type: 'text', notNull: true },
        { name: 'uploaded_by', type: 'bigint' },
        createdAt,
      ],
      [['resource', 'record_id']],
    ),
  ),
];
