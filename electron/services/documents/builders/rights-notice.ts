/**
 * 人民调解权利义务告知书: given to the parties before mediation starts. The rights are 人民调解法
 * Art. 23 and the duties Art. 24, word for word; the other points tell the parties what follows
 * from Arts. 4, 26, 31 and 33.
 */
import type { DocumentInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel } from '../model';
import { BLANK_DATE, list, mediatorOfficials, names, parenMarker, principals, sealText, signersFor, str, caseRoles } from './common';

export function fitsRightsNotice(input: DocumentInput): string | null {
  if (principals(input.parties).length === 0) return '本案还没有登记当事人，不能制作权利义务告知书';
  return null;
}

/** 人民调解法 Art. 23. */
const RIGHTS = [
  '选择或者接受人民调解员；',
  '接受调解、拒绝调解或者要求终止调解；',
  '要求调解公开进行或者不公开进行；',
  '自主表达意愿、自愿达成调解协议。',
];

/** 人民调解法 Art. 24. */
const DUTIES = ['如实陈述纠纷事实；', '遵守调解现场秩序，尊重人民调解员；', '尊重对方当事人行使权利。'];

const OTHER = [
  // Art. 4.
  '人民调解委员会调解民间纠纷，不收取任何费用。',
  // Art. 15 lists what a mediator must not do; the parties may report it.
  '人民调解员偏袒一方当事人，侮辱当事人，索取、收受财物或者牟取其他不正当利益，或者泄露当事人的个人隐私、商业秘密的，当事人可以向人民调解委员会反映。',
  // Art. 31.
  '经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
  // Art. 33.
  '经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解协议生效之日起30日内共同向人民法院申请司法确认。',
  // Art. 26.
  '人民调解员调解纠纷，调解不成的，应当终止调解，并依据有关法律、法规的规定，告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。',
];

export function buildRightsNotice(input: DocumentInput): DocModel {
  const c = input.case;
  const committee = str(input.centre.committeeName);
  const blocks: Block[] = [
    { kind: 'paragraph', label: '当事人：', text: names(principals(input.parties)), indent: false },
    {
      kind: 'paragraph',
      // Art. 3: the principles of mediation.
      text: `${committee}已依法受理“${str(c.title)}”一案。人民调解委员会调解民间纠纷，在当事人自愿、平等的基础上进行，不违背法律、法规和国家政策，尊重当事人的权利，不因调解而阻止当事人依法通过仲裁、行政、司法等途径维护自己的权利。根据《中华人民共和国人民调解法》的规定，现将当事人在人民调解活动中享有的权利和承担的义务告知如下：`,
    },
    { kind: 'heading', text: '一、当事人在人民调解活动中享有下列权利：' },
    list(RIGHTS, parenMarker),
    { kind: 'heading', text: '二、当事人在人民调解活动中履行下列义务：' },
    list(DUTIES, parenMarker),
    { kind: 'heading', text: '三、其他告知事项：' },
    list(OTHER, parenMarker),
    { kind: 'paragraph', text: '以上内容，当事人已阅读（或者经人民调解员宣读）并知悉。' },
    {
      kind: 'signatures',
      signers: signersFor(input.parties, undefined, caseRoles(input)),
      officials: mediatorOfficials(input),
      seal: sealText(input.centre),
      date: BLANK_DATE,
    },
  ];
  return { type: 'rights-notice', title: DOCUMENT_TYPES['rights-notice'], number: str(c.caseNumber), blocks };
}
