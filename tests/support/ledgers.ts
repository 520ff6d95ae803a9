/**
 * Ledgers as centres keep them, made with exceljs (issue #16): used by the import tests, the
 * end-to-end walk and the import-ledger benchmark. Each has a title row and the quirks of its kind.
 */
import ExcelJS from 'exceljs';
import { makeResidentId } from '../../electron/common/domain';

export const ID_A = makeResidentId('410711', '1975-03-08', 211);
export const ID_B = makeResidentId('410711', '1988-11-30', 512);

/**
 * 街道 style: a merged title, two header rows (申请人 / 被申请人 over 姓名), 序号, dates in four
 * spellings and an Excel date, amounts with 元 / 万元 / commas, several names in a cell, a 纠纷类型
 * cell merged over two rows, a blank row and a 小计 row. Returns the workbook; `extra` rows are appended (an extended version of the same file).
 */
export function streetLedger(extra: readonly unknown[][] = []): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2023年台账');
  ws.addRow(['牧野区王村街道人民调解委员会 2023年人民调解登记台账']);
  ws.mergeCells('A1:J1');
  ws.addRow(['序号', '案件编号', '申请人', '被申请人', '身份证号', '纠纷类型', '受理日期', '调解结果', '结案日期', '协议金额']);
  ws.addRow(['', '', '姓名', '姓名', '', '', '', '', '', '']);
  ws.addRow([1, '王调〔2023〕1号', '张建国', '李秀英、李明', ID_A, '邻里纠纷', '2023.5.6', '调解成功', '2023年5月20日', '1.5万元']);
  ws.addRow([2, '王调〔2023〕2号', '刘芳', '某某建材有限公司', ID_B, '合同纠纷', '2023年6月1日', '达成协议', '2023/06/15', '12,800元']);
  ws.addRow([3, '王调〔2023〕3号', '陈伟', '周强', '', '婚姻家庭', '2023/07/03', '未成功', '2023-7-20', '']);
  ws.addRow([]);
  ws.addRow([4, '王调〔2023〕4号', '赵丽', '孙涛', '', '邻里纠纷', new Date(Date.UTC(2023, 7, 9)), '终止', '', '']);
  ws.addRow([5, '王调〔2023〕5号', '吴敏', '郑磊', '', '', '2023.9.12', '调解中', '', '3000']);
  ws.mergeCells('F8:F9'); // one 纠纷类型 cell merged over rows 8 and 9: both are 邻里纠纷
  for (const r of extra) ws.addRow(r);
  ws.addRow(['小计', '', '', '', '', '', '', '', '', '']);
  return wb;
}

/** 村 style: other header words (案号 / 登记日期 / 当事人姓名 / 案由 / 承办人 / 处理结果 / 结案时间 / 标的额). */
export function villageLedger(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('登记簿');
  ws.addRow(['王村人民调解登记簿']);
  ws.addRow(['案号', '登记日期', '当事人姓名', '案由', '纠纷简要情况', '承办人', '处理结果', '结案时间', '标的额']);
  ws.addRow(['', '2022.3.15', '马强、马刚', '宅基地', '兄弟二人因宅基地界址发生争执', '何玉兰', '调解成功', '2022.3.30', '']);
  ws.addRow(['', '2022.4.2', '黄英', '养狗吵闹', '装修噪音扰邻', '何玉兰、杜峰', '撤回', '2022.4.5', '']);
  return wb;
}

/** A bench-sized ledger: `rows` distinct cases over three years, in the 街道 layout. */
export function bigLedger(rows: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['历年人民调解台账']);
  ws.addRow(['序号', '案件编号', '当事人', '纠纷类型', '受理日期', '调解员', '调解结果', '结案日期', '涉及金额']);
  const cats = ['邻里纠纷', '婚姻家庭', '合同纠纷', '损害赔偿', '劳动争议', '宅基地'];
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  for (let i = 1; i <= rows; i++) {
    const y = 2021 + (i % 3);
    const m = 1 + (i % 12);
    const d = 1 + (i % 27);
    const a = surnames[i % 20]! + '某' + String(i);
    const b = surnames[(i * 7) % 20]! + '某' + String(i + 1);
    ws.addRow([
      i,
      `历〔${y}〕${i}号`,
      `${a}、${b}`,
      cats[i % cats.length],
      `${y}.${m}.${d}`,
      `调解员${i % 15}`,
      i % 5 === 0 ? '未成功' : '调解成功',
      `${y}.${m}.${Math.min(d + 1, 28)}`,
      i % 4 === 0 ? `${i % 90}00元` : '',
    ]);
  }
  return wb;
}

export async function ledgerBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const toBase64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** A 调解员名册 as a 街道 keeps it: title, 序号, 性别 (not imported), 类别 words, 擅长领域 lists, one bad phone. */
export function rosterSheet(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调解员名册');
  ws.addRow(['王村街道人民调解员名册（2024年）']);
  ws.addRow(['序号', '姓名', '性别', '类别', '工作单位', '联系电话', '身份证号', '擅长领域', '证书编号', '所在区域']);
  ws.addRow([1, '何玉兰', '女', '专职', '王村街道调委会', '13803730001', ID_A, '婚姻家庭、邻里', 'HN-2021-001', '王村']);
  ws.addRow([2, '杜峰', '男', '特邀调解员（律师）', '豫北律师事务所', '0373-5551234', '', '合同、劳动争议、炒股', '', '']);
  ws.addRow([3, '牧野区婚调委', '', '调解组织', '', '13803730003', '', '婚姻家庭', '', '']);
  ws.addRow([4, '孙强', '男', '兼职', '', '1380373', '', '', '', '']);
  return wb;
}
