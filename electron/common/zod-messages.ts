/**
 * zod's messages in Chinese, for every schema on both sides (main and renderer).
 *
 * zod 4 ships a Chinese locale, but it names types in English ("期望 string，实际接收 数字") and
 * formats by their English names. The people who read these messages are clerks and mediators, so
 * the issues they can meet are worded here in plain Chinese; the locale still answers the rare
 * rest. A schema's own message (`.min(1, '请填写…')`) always wins: zod only asks this map for
 * issues that carry none. Imported for its effect once by the API contract and by the renderer.
 */
import { z } from 'zod';
import { zhCN } from 'zod/locales';

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  object: '一组信息',
  array: '列表',
  date: '日期',
  null: '空值',
  undefined: '空值',
  nan: '非数字',
  symbol: '符号',
  function: '函数',
  map: '映射',
  set: '集合',
  file: '文件',
  literal: '指定的值',
};

const typeName = (t: string | undefined) => (t ? (TYPE_NAMES[t] ?? '其他内容') : '其他内容');

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

const FORMATS: Record<string, string> = {
  uuid: '编号格式错误',
  guid: '编号格式错误',
  email: '电子邮箱格式不正确',
  url: '网址格式不正确',
  regex: '格式不正确',
  datetime: '时间格式不正确',
  date: '日期格式不正确',
  time: '时间格式不正确',
  starts_with: '开头不正确',
  ends_with: '结尾不正确',
  includes: '内容不正确',
  base64: '编码格式不正确',
  base64url: '编码格式不正确',
};

type Issue = z.core.$ZodRawIssue;

/** One issue without a message of its own → its Chinese message, or undefined for the locale's. */
export function chineseIssueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少必填内容';
      return `应为${typeName(issue.expected)}，收到的是${typeName(kindOf(issue.input))}`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      return issue.inclusive === false ? `应小于 ${max}` : `不能大于 ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      return issue.inclusive === false ? `应大于 ${min}` : `不能小于 ${min}`;
    }
    case 'invalid_format':
      return FORMATS[issue.format] ?? '格式不正确';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_value':
      return '不是可选的值';
    case 'invalid_union':
      return '格式不正确';
    case 'unrecognized_keys':
      return '含有不认识的字段';
    case 'invalid_key':
    case 'invalid_element':
      return '内容不正确';
    case 'custom':
      return '内容不正确';
    default:
      return undefined;
  }
}

z.config({ ...zhCN(), customError: chineseIssueMessage });
