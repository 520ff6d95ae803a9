/**
 * 人民调解申请书: a citizen's written application for mediation (司法部 2010 人民调解文书格式), made
 * from the registration: who applies against whom, the facts, what is asked, signed by the
 * applicants. A court-referred case, or one without an applicant, has no such application.
 */
import type { DocumentInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel } from '../model';
import { BLANK_DATE, caseRoles, fmtDate, para, partyBlocks, signersFor, str } from './common';

export function fitsApplication(input: DocumentInput): string | null {
  const r = input.case.courtReferral;
  if (r) return `本案由人民法院${r.mode === 'delegated' ? '委派' : '委托'}调解，不是当事人申请的，无需人民调解申请书`;
  if (!input.parties.some((p) => p.role === 'applicant')) return '本案没有登记申请人，不能制作人民调解申请书';
  return null;
}

export function buildApplication(input: DocumentInput): DocModel {
  const c = input.case;
  const committee = str(input.centre.committeeName);
  const applicants = input.parties.filter((p) => p.role === 'applicant');
  // The applicants and the agents acting for them sign.
  const signing = input.parties.filter(
    (p) => p.role === 'applicant' || (p.role === 'agent' && applicants.some((a) => str(a.name) === str(p.representsName))),
  );
  const blocks: Block[] = [
    ...partyBlocks(input.parties, caseRoles(input)),
    ...para('纠纷简要情况：', c.summary),
    ...para('申请事项：', c.claims),
    {
      kind: 'paragraph',
      // 人民调解法 Art. 17, 23, 24: mediation on request, the parties' rights and duties.
      text: `申请人自愿申请${committee}对上述纠纷进行调解，承诺如实陈述纠纷事实，遵守调解秩序，尊重对方当事人行使权利。`,
    },
    { kind: 'paragraph', text: '此致', indent: true },
    { kind: 'paragraph', text: committee, indent: false },
    {
      kind: 'signatures',
      signers: signersFor(signing, undefined, caseRoles(input)),
      officials: [],
      date: fmtDate(c.registeredAt) || BLANK_DATE,
    },
  ];
  return { type: 'application', title: DOCUMENT_TYPES.application, number: str(c.caseNumber), blocks };
}
