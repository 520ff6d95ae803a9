/**
 * 无争议事实记载: when mediation fails, and only with every party's consent, the facts nobody
 * disputed are written down so they need not be proved again in a lawsuit (人民法院在线调解规则
 * 法释〔2021〕23号 Art. 21–22; 2012 court reform programme, point 17). Concessions made to reach a
 * deal are never recorded as facts (特邀调解规定 法释〔2016〕14号 Art. 22).
 */
import { undisputedPartiesProblem } from '../../../common/domain/agreement';
import { isIsoDate } from '../../../common/domain/dates';
import type { DocumentInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel } from '../model';
import {
  BLANK_DATE,
  arabicMarker,
  cnNumber,
  courtParagraphs,
  fmtDate,
  list,
  mediatorOfficials,
  names,
  para,
  partyBlocks,
  principals,
  sealText,
  signersFor,
  str,
  caseRoles,
} from './common';

export function fitsUndisputedFacts(input: DocumentInput): string | null {
  const c = input.case;
  const u = c.undisputed;
  if (c.agreement || c.outcome === 'agreement') return '本案已达成调解协议，无需制作无争议事实记载';
  if (c.outcome && c.outcome !== 'failed') return '只有调解不成的案件才能制作无争议事实记载';
  if (!u) return '本案没有无争议事实的记载内容（需调解不成且各方当事人同意记载）';
  if (str(u.consent) === '') return '未记录各方当事人同意记载无争议事实的意见，不能制作无争议事实记载';
  if (u.facts.every((f) => str(f) === '')) return '没有填写无争议的事实';
  if (!isIsoDate(str(u.recordedOn))) return '未记录无争议事实的记载日期，请在无争议事实记载中保存一次';
  if (str(u.failureReason) === '') return '未写明调解经过及未能达成协议的原因（法释〔2021〕23号第二十一条）';
  const parties = undisputedPartiesProblem(principals(input.parties).length);
  if (parties) return parties;
  return null;
}

function course(input: DocumentInput): string {
  const dates = input.sessions.map((s) => fmtDate(s.heldAt)).filter((d) => d !== '');
  const received = fmtDate(input.case.registeredAt);
  const start = received !== '' ? `本纠纷于${received}登记受理。` : '';
  if (dates.length === 0) return start;
  const span = dates.length === 1 ? `于${dates[0]}` : `自${dates[0]}至${dates[dates.length - 1]}`;
  return `${start}${str(input.centre.committeeName)}${span}共组织调解${cnNumber(dates.length)}次，各方当事人未能达成调解协议。`;
}

/** One copy per party and the committee's; a court-entrusted (委托, 诉中) case's court gets its own. */
function copiesSentence(input: DocumentInput): string {
  const parties = principals(input.parties).length;
  const r = input.case.courtReferral;
  if (r?.mode === 'entrusted') {
    return `本记载一式${cnNumber(parties + 2)}份，当事人各执一份，人民调解委员会留存一份，送人民法院一份。`;
  }
  const court = r ? `，并随案件材料移送${str(r.court)}` : '';
  return `本记载一式${cnNumber(parties + 1)}份，当事人各执一份，人民调解委员会留存一份${court}。`;
}

export function buildUndisputedFacts(input: DocumentInput): DocModel {
  const c = input.case;
  const u = c.undisputed!;
  const last = input.sessions[input.sessions.length - 1];
  const place = str(u.place) || str(last?.place) || str(input.centre.address);
  const blocks: Block[] = [
    ...courtParagraphs(c),
    ...partyBlocks(input.parties, caseRoles(input)),
    { kind: 'paragraph', label: '人民调解员：', text: names(input.mediators), indent: false },
    // The day the facts were recorded with the parties: the same on every reprint.
    { kind: 'paragraph', label: '记载时间：', text: fmtDate(u.recordedOn), indent: false },
    { kind: 'paragraph', label: '记载地点：', text: place, indent: false },
    // Recorded only because every party agreed to it.
    ...para('当事人同意记载的意见：', u.consent),
    { kind: 'heading', text: '一、无争议的事实' },
    list(u.facts, arabicMarker),
    { kind: 'heading', text: '二、尚存争议的事项' },
    ...(u.disputedPoints.some((p) => str(p) !== '') ? [list(u.disputedPoints, arabicMarker)] : para(undefined, '无。')),
    { kind: 'heading', text: '三、调解经过及未能达成协议的原因' },
    ...para(undefined, course(input)),
    ...para(undefined, u.failureReason),
    { kind: 'heading', text: '四、告知事项' },
    // The legal effect, and its limits: state, public or third-party interests; concessions.
    {
      kind: 'note',
      text: '1．本记载经各方当事人签名、盖章或者按指印确认后，当事人在此后的诉讼程序中对上述无争议的事实无需另行举证，但涉及国家利益、社会公共利益和他人合法权益的除外。',
    },
    {
      kind: 'note',
      text: '2．当事人为达成调解协议作出妥协而认可的事实，不属于无争议的事实，本记载不予记载，也不得在其后的诉讼程序中作为对其不利的根据，但各方当事人均同意的除外。',
    },
    { kind: 'note', text: `3．${copiesSentence(input)}` },
    {
      kind: 'signatures',
      signers: signersFor(input.parties, undefined, caseRoles(input)),
      officials: mediatorOfficials(input),
      seal: sealText(input.centre),
      date: BLANK_DATE,
    },
  ];
  return { type: 'undisputed-facts', title: DOCUMENT_TYPES['undisputed-facts'], number: str(c.caseNumber), blocks };
}
