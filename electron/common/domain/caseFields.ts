/**
 * The Chinese names of a case's editable fields, as the forms label them: the timeline names the
 * fields an edit really changed ("修改纠纷简述、争议事项").
 */
export const CASE_FIELD_LABELS = {
  title: '纠纷简述',
  category: '类别',
  summary: '事实经过',
  claims: '争议事项',
  amountFen: '涉及金额',
  reporter: '上报人',
  leadUnit: '牵头单位',
  coUnits: '协办单位',
  responsibleLeader: '包案领导',
  responsiblePerson: '责任人',
  repeatPetition: '重复信访',
  preventedCriminalPeople: '防止民转刑人数',
  preventedPetitionPeople: '防止群体性上访人数',
} as const;

export type CaseField = keyof typeof CASE_FIELD_LABELS;

/** Same value for the timeline's purpose: JSON-equal with object keys in any order, null = undefined. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined && x !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stable(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
