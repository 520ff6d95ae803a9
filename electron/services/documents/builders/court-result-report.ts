/**
 * 委派（委托）调解结果报告: the committee reports the result of a court-referred mediation to the
 * court and returns its materials (特邀调解规定 法释〔2016〕14号): an agreement goes with it (委派:
 * filed with the court; 委托: for the court to make a 调解书 or allow withdrawal); a failure with
 * its reason and, where the parties agreed to it, the record of undisputed facts.
 */
import type { DocumentInput } from '../input';
import { type Block, type DocModel } from '../model';
import {
  BLANK_DATE,
  arabicMarker,
  cnMarker,
  fmtDate,
  list,
  mediatorOfficials,
  names,
  para,
  principals,
  sealText,
  str,
  agreedAmount,
} from './common';

export function fitsCourtResultReport(input: DocumentInput): string | null {
  const c = input.case;
  if (!c.courtReferral) return '本案不是人民法院委派或委托调解的案件，无需向法院报告调解结果';
  if (c.outcome !== 'agreement' && c.outcome !== 'failed' && c.outcome !== 'withdrawn' && c.outcome !== 'ended') {
    return '本案尚无调解结果（达成协议、调解不成或撤回后才能向法院报告）';
  }
  if (c.outcome === 'agreement' && (!c.agreement || c.agreement.terms.every((t) => str(t) === ''))) {
    return '本案已达成协议，但尚未填写协议条款，请先填写调解协议内容';
  }
  return null;
}

export function buildCourtResultReport(input: DocumentInput): DocModel {
  const c = input.case;
  const r = c.courtReferral!;
  const verb = r.mode === 'delegated' ? '委派' : '委托';
  const mediators = names(input.mediators);
  const signed = fmtDate(r.materialsSignedAt);
  const opening =
    `你院${fmtDate(r.referredAt) !== '' ? `于${fmtDate(r.referredAt)}` : ''}${verb}本委员会调解的${names(principals(input.parties))}“${str(c.title)}”一案` +
    `（案号：${str(r.referenceNumber)}），本委员会${signed !== '' ? `于${signed}签收案件材料后` : ''}` +
    `${mediators !== '' ? `指派人民调解员${mediators}` : ''}依法进行了调解。现将调解结果报告如下：`;
  const result: Block[] = [];
  const materials: string[] = [];
  const note = str(c.outcomeNote);
  if (c.outcome === 'agreement') {
    const a = c.agreement!;
    result.push({
      kind: 'paragraph',
      text: `经调解，各方当事人于${fmtDate(c.agreementEffectiveAt) || fmtDate(c.outcomeAt)}自愿达成调解协议，主要内容如下：`,
    });
    result.push(list(a.terms, cnMarker), ...agreedAmount(c));
    result.push({
      kind: 'paragraph',
      text:
        r.mode === 'delegated'
          ? '该调解协议依法具有法律约束力，当事人可以自协议生效之日起三十日内共同向你院申请司法确认。现将调解协议书报送你院备案。'
          : '现将调解协议书送交你院，请依法审查后出具民事调解书或者准许当事人撤诉。',
    });
    materials.push(a.oral ? '载明口头调解协议内容的调解记录' : '人民调解协议书');
  } else {
    const why = c.outcome === 'withdrawn' ? '当事人撤回调解申请' : c.outcome === 'ended' ? '调解终止' : '各方当事人未能达成调解协议';
    result.push(
      ...para(undefined, `经调解，${why}${note !== '' ? `，原因：${note.replace(/[。；;]+$/u, '')}` : ''}。本委员会已终止调解。`),
    );
    result.push({
      kind: 'paragraph',
      text: r.mode === 'delegated' ? '请你院依法登记立案或者依法处理。' : '请你院依法继续审理。',
    });
    if (c.undisputed) materials.push('无争议事实记载');
  }
  materials.push('调解记录', `你院移送的案件材料（${verb}调解材料）`);
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${str(r.court)}${str(r.reportTo) !== '' ? `（${str(r.reportTo)}）` : ''}：`, indent: false },
    { kind: 'paragraph', text: opening },
    ...result,
    { kind: 'paragraph', label: '随函退回（送交）材料：', text: '' },
    list(
      materials.map((m, i) => `${m}${i === materials.length - 1 ? '。' : '；'}`),
      arabicMarker,
    ),
    { kind: 'paragraph', text: '特此报告。' },
    {
      kind: 'signatures',
      signers: [],
      officials: mediatorOfficials(input),
      seal: sealText(input.centre),
      date: fmtDate(c.outcomeAt) || BLANK_DATE,
    },
  ];
  // The title names the referral the court made: 委派 (before filing) or 委托 (after).
  return { type: 'court-result-report', title: `${verb}调解结果报告`, number: str(c.caseNumber), blocks };
}
