/** `POST /:resource/import`: CSV and XLSX through the write path of `POST /:resource`, all or nothing. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, tableFingerprint, type TestServer, type UserName } from './support/server.js';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

forEachDatabase('router import', (database) => {
  let server: TestServer;

  const upload = async (
    resource: string,
    file: string | Buffer,
    { as = 'admin', type = CSV, dryRun = false, locale = 'en' }: { as?: UserName; type?: string; dryRun?: boolean; locale?: string } = {},
  ) => {
    const response = await fetch(`${server.url}/${resource}/import${dryRun ? '?dryRun=1' : ''}`, {
      method: 'POST',
      headers: { 'Content-Type': type, 'X-Sales-User': String(server.users[as]), 'Accept-Language': locale },
      body: typeof file === 'string' ? file : new Uint8Array(file),
    });
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  };
  const customerNamed = async (name: string) => (await database.db('customers').where({ name }).first()) as Record<string, any> | undefined;

  beforeAll(async () => {
    server = await startTestServer(database.db);
  });
  afterAll(() => server?.close());

  it('imports customers from a CSV with Chinese headers, enums by their Chinese label and owners by name', async () => {
    const file = [
      '客户名称,客户等级,企业性质,所属行业,客户归属',
      '华东机电,A 类（重点）,民营企业,制造业,repA',
      '"北方物流, 有限公司",c,private,物流,',
    ].join('\n');
    const answer = await upload('customers', file);
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(answer.json).toEqual({ created: 2, errors: [], dryRun: false, mode: 'batched' });
    expect(await customerNamed('华东机电')).toMatchObject({ grade: 'A', nature: 'private', industry: '制造业', status: 'potential' });
    expect(Number((await customerNamed('华东机电'))!.owner_id)).toBe(server.users.repA);
    // No owner column value: the importer owns the record, as with POST.
    expect(await customerNamed('北方物流, 有限公司')).toMatchObject({ grade: 'C', owner_id: server.users.admin });
  });

  it('resolves references by the referenced record name, and reports unknown names per row', async () => {
    const good = await upload('contacts', 'Name,Customer,Role in purchase\n张伟,华东机电,Decision maker\n李娜,北方物流, 有限公司,coach\n');
    // The comma in the unquoted name splits the cell: the row has more cells than the header.
    expect(good.status).toBe(422);
    const answer = await upload(
      'contacts',
      'Name,Customer,Role in purchase\n张伟,华东机电,Decision maker\n李娜,"北方物流, 有限公司",coach\n',
    );
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    const customer = await customerNamed('华东机电');
    expect(await database.db('contacts').where({ name: '张伟' }).first()).toMatchObject({
      customer_id: customer!.id,
      purchase_role: 'decision_maker',
    });
    const unknown = await upload('contacts', 'Name,Customer\n王芳,No such customer\n', { locale: 'zh-CN' });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors).toEqual([
      { row: 2, field: 'customer_id', column: '所属客户', message: '找不到名为「No such customer」的客户' },
    ]);
  });

  it('a refused row refuses the whole file, listing every refused row', async () => {
    const before = await tableFingerprint(database.db, 'customers');
    const file = ['Name,Grade,Website', 'Fine customer,B,', 'Bad grade,Z,', ',A,', 'Fine too,A,not a url', '华东机电,B,'].join('\r\n');
    const answer = await upload('customers', file);
    expect(answer.status).toBe(422);
    expect(answer.json.created).toBe(0);
    expect(answer.json.message).toBe('Nothing was imported: 4 rows refused');
    expect([...new Set(answer.json.errors.map((e: { row: number }) => e.row))]).toEqual([3, 4, 5, 6]);
    expect(answer.json.errors[0]).toMatchObject({ row: 3, field: 'grade', message: expect.stringContaining('A – key') });
    expect(answer.json.errors.find((e: { row: number }) => e.row === 6)).toMatchObject({ field: 'name' });
    expect(await tableFingerprint(database.db, 'customers')).toBe(before);
    expect(await customerNamed('Fine customer')).toBeUndefined();
  });

  it('a dry run checks every row and changes nothing', async () => {
    const before = await tableFingerprint(database.db, 'customers');
    const answer = await upload('customers', 'name,grade\nDry one,A\nDry two,B\n', { dryRun: true });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ created: 2, errors: [], dryRun: true, mode: 'batched' });
    expect(await tableFingerprint(database.db, 'customers')).toBe(before);
    const refused = await upload('customers', 'name,grade\nDry one,A\nDry one,B\n', { dryRun: true });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ created: 0, dryRun: true, errors: [{ row: 3, field: 'name' }] });
  });

  it('unknown columns refuse the file with the nearest label', async () => {
    const answer = await upload('customers', '客户名,客户等级,Colour\nX,A,red\n', { locale: 'zh-CN' });
    expect(answer.status).toBe(422);
    expect(answer.json.errors).toEqual([
      { row: 1, column: '客户名', message: '未知的列「客户名」：您是否要找「客户名称」？' },
      { row: 1, column: 'Colour', message: '未知的列「Colour」' },
    ]);
  });

  it('a rep meets the refusals of the API: owners outside the rep, fields x-write forbids', async () => {
    const before = await tableFingerprint(database.db, 'customers');
    const answer = await upload('customers', 'Name,Grade,Owner,Credit limit\nMine,A,,\nOf B,A,repB,\nRich,A,,100000\n', { as: 'repA' });
    expect(answer.status).toBe(422);
    const api = async (body: Record<string, unknown>) => (await server.request('POST', '/customers', { as: 'repA', body })).json;
    const ownerRefusal = await api({ name: 'Of B', grade: 'A', owner_id: server.users.repB });
    const rightsRefusal = await api({ name: 'Rich', grade: 'A', credit_limit: 100000 });
    expect(answer.json.errors).toEqual([
      { row: 3, field: 'owner_id', message: `Owner: ${ownerRefusal.errors.owner_id}` },
      { row: 4, field: 'credit_limit', message: `Credit limit: ${rightsRefusal.errors.credit_limit}` },
    ]);
    expect(await tableFingerprint(database.db, 'customers')).toBe(before);
    expect((await upload('customers', 'Name\nX\n', { as: 'presales' })).status).toBe(403);
  });

  it('imports an XLSX file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['Name', '客户等级', 'Credit limit', 'Phone']);
    sheet.addRow(['Excel one', 'B – important', 50000, 13800000000]);
    sheet.addRow([{ richText: [{ text: 'Excel ' }, { text: 'two' }] }, 'D', null, '010-1234']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const answer = await upload('customers', file, { type: XLSX });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(answer.json.created).toBe(2);
    expect(await customerNamed('Excel one')).toMatchObject({ grade: 'B', contact_phone: '13800000000' });
    expect(Number((await customerNamed('Excel one'))!.credit_limit)).toBe(50000);
    expect(await customerNamed('Excel two')).toMatchObject({ grade: 'D' });
  });

  it('refuses other content types and unreadable files', async () => {
    expect((await upload('customers', '{}', { type: 'application/json' })).status).toBe(415);
    const broken = await upload('customers', 'not a zip file', { type: XLSX });
    expect(broken.status).toBe(400);
    expect(broken.json.message).toMatch(/cannot be read/);
  });
});
