/**
 * The disputes of each category, written the way 调解员 write them in Henan, so trainees see
 * realistic forms and documents print at a realistic length. See texts.ts for the shape and the
 * placeholders. A term that pays holds {额}{付} and names the money as the claim does (工程款 stays
 * 工程款); other terms oblige acts and name no sum. Matters outside 人民调解 (an administrative
 * decision, a petition about policy, a claim inside a bankruptcy) say where they belong instead.
 */
import type { CategoryCode } from '../../common/domain/categories';
import type { CategoryTexts, Dispute, Outside } from './texts';

/** Administrative decisions: 行政复议 or 行政诉讼 answer them (行政复议法 第二条), not 人民调解. */
const administrativeReview = (what: string, body: string, handOn: string): Outside => ({
  reject: `属于对${what}的行政争议，不属于人民调解受理范围，已告知可依法申请行政复议或者提起行政诉讼`,
  transferTo: body,
  transferReason: `属${what}的行政争议，${handOn}`,
});

const marriageFamily: readonly Dispute[] = [
  {
    titles: ['赡养老人纠纷', '子女赡养分担纠纷'],
    facts: '{甲}年事已高，现居住在{地}，患有慢性病，生活不能完全自理。{乙}系{甲}的子女，近两年以经济困难为由未给付赡养费。',
    claim: '请求{乙}每月支付赡养费并轮流照料老人。',
    amount: null,
    respondent: 'person',
    responsibility: '子女对父母负有赡养扶助义务（民法典第一千零六十七条），{乙}未尽赡养义务，应予改正。',
    settlements: [
      {
        terms: ['{乙}自本协议生效之月起，每月10日前向{甲}支付赡养费800元。', '{乙}与其他子女轮流照料{甲}，每人每次一个月。'],
        days: 30,
        periodic: true,
      },
      { terms: ['{乙}自本协议生效之月起，每月10日前向{甲}支付赡养费600元。', '{乙}每周至少探望{甲}一次。'], days: 30, periodic: true },
    ],
    statements: [
      '申请人称子女长期不尽赡养义务，要求按月给付赡养费。',
      '被申请人称自己经济困难，愿意在能力范围内承担。',
      '调解员讲解了子女对父母的赡养义务。',
    ],
    undisputed: ['{乙}系{甲}的子女，{甲}共有子女三人', '{乙}自前年起未向{甲}给付赡养费', '{甲}患有慢性病，需要长期服药'],
    disputed: ['每月赡养费的数额', '照料老人的轮流方式'],
    failure: ['被申请人只同意负担部分赡养费，与申请人的要求差距较大'],
  },
  {
    titles: ['离婚后子女抚养费纠纷', '抚养费纠纷'],
    facts: '{甲}与{乙}于前年协议离婚，约定孩子由{甲}抚养，{乙}每月支付抚养费。自去年起{乙}未按约定支付，累计拖欠{额}。',
    claim: '请求{乙}支付拖欠的抚养费{额}。',
    amount: [3000, 36000],
    respondent: 'person',
    responsibility: '{乙}未按离婚协议支付抚养费，应承担给付责任。',
    settlements: [{ terms: ['{乙}向{甲}支付拖欠的抚养费{额}{付}。', '{乙}自下月起按离婚协议约定按月支付抚养费，不再拖欠。'], days: 0 }],
    statements: [
      '申请人出示了离婚协议书和催款记录。',
      '被申请人称近一年收入减少，无力一次付清。',
      '调解员讲解了父母对未成年子女的抚养义务。',
    ],
    undisputed: ['双方已于前年协议离婚，婚生子女由{甲}抚养', '离婚协议约定{乙}每月支付抚养费', '{乙}自去年起未支付抚养费'],
    disputed: ['拖欠抚养费的数额', '付款期限'],
    failure: ['被申请人对拖欠数额不予认可，双方分歧较大'],
  },
  {
    titles: ['分家析产纠纷', '家庭财产分割纠纷'],
    facts: '{甲}与{乙}系兄弟，父母去世后在{地}留有房屋三间，双方对房屋的分割意见不一，多次争吵。',
    claim: '请求依法分割父母遗留的房屋三间。',
    amount: null,
    respondent: 'person',
    settlements: [
      {
        terms: ['父母遗留房屋的东侧一间半归{甲}所有，西侧一间半归{乙}所有。', '双方于三十日内共同办理不动产变更登记。'],
        days: 30,
      },
    ],
    statements: ['申请人称父母生前由其照料较多，应多分。', '被申请人要求平均分割。', '调解员讲解了法定继承的规定。'],
    undisputed: ['{甲}与{乙}系同胞兄弟，父母均已去世', '父母生前未留遗嘱', '争议房屋共三间，位于{地}'],
    disputed: ['房屋的分割方式', '父母生前由谁照料'],
    failure: ['双方对房屋归属分歧较大，申请人坚持通过诉讼解决'],
  },
  {
    titles: ['婆媳矛盾纠纷', '家庭矛盾纠纷'],
    facts: '{甲}与{乙}系婆媳关系，共同居住在{地}，近年来因家务和照看孩子等琐事经常争吵，矛盾持续激化。',
    claim: '请求{乙}停止辱骂，双方分开居住、互不干扰。',
    amount: null,
    respondent: 'person',
    settlements: [
      { terms: ['{乙}向{甲}赔礼道歉，今后不再辱骂。', '双方于三个月内分开居住。', '双方今后互相尊重，不再因家庭琐事发生争吵。'], days: 90 },
    ],
    statements: ['双方回顾了多年的家庭生活，情绪较为激动。', '调解员分别做双方的思想工作。'],
    undisputed: ['双方系婆媳关系，自五年前起共同居住', '双方多次因家庭琐事发生争吵'],
    disputed: ['分开居住的安排', '争吵的起因'],
    failure: ['双方情绪对立，均不愿让步'],
  },
];

const neighbor: readonly Dispute[] = [
  {
    titles: ['邻里排水纠纷'],
    facts: '{甲}与{乙}系{地}前后院邻居。{乙}翻修院落时抬高地坪，雨天积水排入{甲}院内，浸泡{甲}家墙根，双方多次协商未果，发生口角。',
    claim: '请求{乙}恢复原排水通道，赔偿墙体损失{额}。',
    amount: [500, 8000],
    settlements: [
      { terms: ['{乙}于本协议签订之日起十日内自费修建排水沟，将雨水引至村内主排水渠。', '{乙}赔偿{甲}墙体损失{额}{付}。'], days: 10 },
      { terms: ['{乙}于本协议签订之日起十日内自费修建排水沟，将雨水引至村内主排水渠，并修复{甲}家受损墙根。'], days: 10 },
    ],
    statements: [
      '申请人出示了现场照片，称对方行为影响正常生活。',
      '被申请人承认存在问题，但认为对方要求过高。',
      '调解员组织双方到现场查看，并听取了网格员的意见。',
    ],
    undisputed: ['{乙}今年春季翻修院落，院内地坪高于原地坪', '雨天{乙}院内积水经{甲}院排出'],
    disputed: ['墙体损失的数额', '排水沟的走向'],
    failure: ['被申请人不同意改变排水走向'],
  },
  {
    titles: ['楼上漏水纠纷'],
    facts: '{乙}家卫生间长期渗漏，导致楼下{甲}家天花板及墙面受损，{甲}多次要求维修，{乙}未予处理。',
    claim: '请求{乙}维修渗漏点并赔偿房屋修复费用{额}。',
    amount: [800, 20000],
    responsibility: '渗漏点位于{乙}家卫生间，{乙}应承担维修和赔偿责任。',
    settlements: [{ terms: ['{乙}于七日内请专业人员对卫生间进行防水维修。', '{乙}赔偿{甲}房屋修复费用{额}{付}。'], days: 7 }],
    statements: ['申请人出示了受损部位的照片。', '被申请人同意维修，但认为修复费用报价过高。', '调解员请物业维修人员现场查看了渗漏点。'],
    undisputed: ['{甲}家卫生间天花板及墙面有明显水渍', '渗漏点位于{乙}家卫生间'],
    disputed: ['房屋修复费用的数额'],
    failure: ['双方对修复费用分歧较大，经多次调解未能达成一致'],
  },
  {
    titles: ['占用公共楼道纠纷'],
    facts: '{甲}与{乙}同住{地}，{乙}在公共楼道堆放杂物，影响通行和消防安全，双方为此多次争执。',
    claim: '请求{乙}清理楼道内堆放的杂物。',
    amount: null,
    settlements: [{ terms: ['{乙}于三日内清理楼道内堆放的杂物，今后不再占用公共楼道。', '双方互谅互让，和睦相处。'], days: 3 }],
    statements: ['申请人称杂物堵塞楼道，存在消防隐患。', '被申请人称杂物只是临时存放。', '社区工作人员讲解了消防安全规定。'],
    undisputed: ['{乙}在楼道内堆放旧家具等杂物', '该楼道系本单元住户共用通道'],
    disputed: ['杂物的清理期限'],
    failure: ['被申请人拒绝清理杂物'],
  },
  {
    titles: ['邻里噪音纠纷'],
    facts: '{乙}在{地}自家一楼开设棋牌室，经常营业至深夜，噪音影响楼上{甲}一家休息。',
    claim: '请求{乙}晚间十点后停止营业，不再影响邻居休息。',
    amount: null,
    settlements: [
      { terms: ['{乙}每日晚十点前结束营业，并于十日内在室内加装隔音门帘。', '双方今后遇事协商解决，不再发生争吵。'], days: 10 },
    ],
    statements: ['申请人称孩子面临升学考试，夜间噪音影响休息。', '被申请人称棋牌室是家庭主要收入来源。'],
    undisputed: ['{乙}在一楼开设棋牌室，营业时间常至深夜', '{甲}家住在棋牌室楼上'],
    disputed: ['每晚停止营业的时间'],
    failure: ['被申请人不同意提前结束营业'],
  },
];

const housingHomestead: readonly Dispute[] = [
  {
    titles: ['宅基地边界纠纷', '翻建房屋占地纠纷'],
    facts: '{甲}与{乙}系{地}东西邻居。{乙}翻建院墙时越界占用{甲}宅基地约0.3米，双方多次发生争执。',
    claim: '请求{乙}拆除越界部分院墙，恢复原状。',
    amount: null,
    settlements: [
      {
        terms: [
          '双方以村委会保存的一九九二年宅基地登记图为准，共同确认界址点。',
          '{乙}于本协议签订之日起十五日内拆除越界部分院墙，费用自理。',
        ],
        days: 15,
      },
    ],
    statements: ['申请人提交了宅基地使用证复印件。', '被申请人称院墙按老地基翻建，未越界。', '调解员会同村委会干部实地测量了界址。'],
    undisputed: ['双方宅基地东西相邻', '{乙}于今年春季翻建院墙', '村委会保存有一九九二年的宅基地登记图'],
    disputed: ['院墙是否越界及越界的宽度'],
    failure: ['双方对界址认定分歧较大', '被申请人不认可村委会保存的登记图'],
  },
  {
    titles: ['房屋租赁纠纷'],
    facts: '{甲}将位于{地}的房屋出租给{乙}，租期两年。{乙}拖欠租金{额}，且擅自改变房屋结构。',
    claim: '请求{乙}支付拖欠租金{额}并恢复房屋原状。',
    amount: [2000, 30000],
    respondent: 'person',
    settlements: [
      {
        terms: ['{乙}向{甲}支付拖欠租金{额}{付}。', '双方租赁合同于本协议签订之日解除，{乙}于十五日内腾退房屋并恢复原状。'],
        days: 15,
      },
    ],
    statements: ['申请人提交了租赁合同和催租记录。', '被申请人称房屋漏雨影响使用，要求减免部分租金。'],
    undisputed: ['双方签订了为期两年的房屋租赁合同', '{乙}自去年十月起未支付租金'],
    disputed: ['拖欠租金的数额', '改动房屋结构的恢复责任'],
    failure: ['双方对租金数额分歧较大，申请人坚持起诉'],
  },
  {
    titles: ['宅基地使用权纠纷'],
    facts: '{甲}与{乙}因{地}一处老宅基地的使用权归属发生争议，双方均持有早年的土地使用证明。',
    claim: '请求确认老宅基地由{甲}使用。',
    amount: null,
    respondent: 'person',
    settlements: [
      {
        terms: [
          '老宅基地东半部由{甲}使用，西半部由{乙}使用，以双方共同埋设的界桩为界。',
          '双方于三十日内共同申请办理宅基地使用权变更登记。',
        ],
        days: 30,
      },
    ],
    statements: ['双方分别出示了土地使用证明。', '村委会介绍了该宅基地的历史沿革。'],
    undisputed: ['双方均持有早年的土地使用证明', '争议宅基地现为空地'],
    disputed: ['宅基地使用权的归属'],
    failure: ['双方均坚持宅基地归己使用，分歧较大'],
  },
];

const contract: readonly Dispute[] = [
  {
    titles: ['买卖合同纠纷'],
    facts: '{甲}与{乙}签订买卖合同，约定{甲}供货后三十日内付款。{甲}依约供货，{乙}至今尚欠货款{额}。',
    claim: '请求{乙}支付货款{额}及逾期付款利息。',
    amount: [5000, 300000],
    responsibility: '{乙}未按合同约定付款，应承担付款责任。',
    settlements: [
      {
        terms: ['{乙}向{甲}支付货款{额}{付}。', '{甲}放弃主张逾期付款利息。', '如{乙}未按期足额付款，{甲}有权就全部未付款项依法主张权利。'],
        days: 0,
      },
    ],
    statements: ['申请人提交了合同、送货单和对账单。', '被申请人对欠款数额无异议，但称暂时无力一次付清。', '双方就付款期限反复协商。'],
    undisputed: ['双方于去年签订书面买卖合同', '{甲}已按合同约定供货，{乙}已签收'],
    disputed: ['欠款数额', '是否应支付逾期付款利息'],
    failure: ['双方对欠款数额分歧较大，经多次调解未能达成一致', '被申请人拒绝继续调解'],
  },
  {
    titles: ['民间借贷纠纷'],
    facts: '{乙}因资金周转向{甲}借款{额}，约定一年内归还，到期后经多次催要未还。',
    claim: '请求{乙}归还借款{额}。',
    amount: [3000, 200000],
    respondent: 'person',
    responsibility: '{乙}借款到期未还，应承担还款责任。',
    settlements: [{ terms: ['{乙}向{甲}归还借款{额}{付}。', '{甲}不再主张借款利息。'], days: 0 }],
    statements: ['申请人出示了借条和转账记录。', '被申请人承认借款，称已归还部分现金。'],
    undisputed: ['{乙}向{甲}出具了借条', '借款约定的还款期限已届满'],
    disputed: ['已归还的数额', '是否应计付利息'],
    failure: ['被申请人称已归还部分借款，双方各执己见', '一方当事人坚持通过诉讼解决'],
  },
  {
    titles: ['装修合同纠纷', '承揽合同纠纷'],
    facts: '{甲}为{乙}装修房屋，完工后双方对工程质量和结算价款发生争议，{乙}尚欠工程款{额}。',
    claim: '请求{乙}支付剩余工程款{额}。',
    amount: [3000, 120000],
    respondent: 'person',
    settlements: [
      {
        terms: ['{甲}于十日内对卫生间防水等返修项目进行整改。', '整改验收合格后，{乙}向{甲}支付剩余工程款{额}{付}。'],
        days: 10,
        payAfter: true,
      },
    ],
    statements: ['双方到现场查看了返修部位。', '被申请人称部分墙面开裂，要求返修后再付款。', '申请人同意返修。'],
    undisputed: ['{甲}已完成装修施工', '双方未对工程价款进行书面结算'],
    disputed: ['工程质量问题的范围', '剩余工程款的数额'],
    failure: ['双方对工程质量分歧较大，申请人要求进行质量鉴定'],
  },
];

const business: readonly Dispute[] = [
  {
    titles: ['合伙经营纠纷', '养殖场经营纠纷'],
    facts: '{甲}与{乙}合伙经营养殖场，后因经营亏损散伙，双方对合伙财产清算发生争议。',
    claim: '请求{乙}返还出资款{额}。',
    amount: [10000, 300000],
    respondent: 'person',
    settlements: [{ terms: ['双方确认合伙财产清算结果，{乙}向{甲}返还出资款{额}{付}。', '合伙期间的对外债务由双方各承担一半。'], days: 0 }],
    statements: ['申请人提交了合伙协议和账目。', '被申请人对部分账目有异议。'],
    undisputed: ['双方于三年前口头约定合伙经营养殖场', '养殖场已于今年停止经营'],
    disputed: ['合伙财产的价值', '应返还出资款的数额'],
    failure: ['双方对合伙账目分歧较大，申请人要求进行审计'],
  },
  {
    titles: ['个体经营场地纠纷'],
    facts: '{甲}承租{乙}的门面房经营超市，租金按季度预付。因道路改造门前封闭，{甲}要求退还封闭期间的租金{额}。',
    claim: '请求{乙}退还道路封闭期间的租金{额}。',
    amount: [3000, 40000],
    respondent: 'person',
    settlements: [{ terms: ['{乙}向{甲}退还道路封闭期间的租金{额}{付}。', '双方继续履行原租赁合同。'], days: 0 }],
    statements: ['申请人提交了租赁合同和道路封闭通知。', '被申请人称道路改造不是自己的责任。'],
    undisputed: ['双方签订了门面房租赁合同，租金按季度预付', '道路改造期间门前道路封闭约三个月'],
    disputed: ['应退还租金的数额'],
    failure: ['被申请人不同意退还租金'],
  },
];

const damages: readonly Dispute[] = [
  {
    titles: ['动物致人损害纠纷'],
    facts: '{乙}饲养的犬只在{地}将{甲}咬伤，{甲}花费医疗费等共计{额}，双方就赔偿发生争议。',
    claim: '请求{乙}赔偿医疗费、误工费等共计{额}。',
    amount: [1000, 30000],
    respondent: 'person',
    responsibility: '{乙}作为饲养人未拴系犬只，应承担赔偿责任。',
    settlements: [{ terms: ['{乙}赔偿{甲}医疗费、误工费等共计{额}{付}。', '双方就此事再无其他纠纷。'], days: 0 }],
    statements: ['申请人提交了医疗费票据和病历。', '被申请人认可事实，但认为误工费计算过高。', '调解员讲解了饲养动物损害责任的规定。'],
    undisputed: ['{甲}被{乙}饲养的犬只咬伤', '{甲}伤后在牧野区人民医院注射狂犬疫苗并治疗'],
    disputed: ['误工费的计算', '赔偿数额'],
    failure: ['双方对赔偿数额分歧较大，经多次调解未能达成一致'],
  },
  {
    titles: ['打架致伤赔偿纠纷', '人身损害赔偿纠纷'],
    facts: '{甲}与{乙}因琐事发生口角后互相推搡，{甲}摔倒致手臂骨折，住院治疗二十余日。',
    claim: '请求{乙}赔偿医疗费、误工费、护理费等共计{额}。',
    amount: [5000, 120000],
    respondent: 'person',
    responsibility: '{乙}推搡在先，负主要责任；{甲}言语过激，负次要责任。',
    settlements: [{ terms: ['{乙}赔偿{甲}医疗费、误工费、护理费等共计{额}{付}。', '双方就此事再无其他纠纷，今后和睦相处。'], days: 0 }],
    statements: ['申请人提交了病历和医疗费票据。', '被申请人称对方先动手，不应全部由自己承担。', '调解员讲解了人身损害赔偿的计算标准。'],
    undisputed: ['{甲}摔倒致手臂骨折，在牧野区人民医院住院治疗', '双方在争执中互相推搡'],
    disputed: ['双方在事件中的过错比例', '误工费、护理费的计算标准'],
    failure: ['双方对过错比例分歧较大', '一方当事人坚持通过诉讼解决'],
  },
  {
    titles: ['财产损害赔偿纠纷'],
    facts: '{乙}驾驶农用车倒车时撞坏{甲}家院墙及门楼，双方对修复费用意见不一。',
    claim: '请求{乙}赔偿院墙及门楼财产损失{额}。',
    amount: [1000, 20000],
    respondent: 'person',
    settlements: [
      { terms: ['{乙}赔偿{甲}院墙及门楼财产损失{额}{付}。'], days: 0 },
      { terms: ['{乙}于十五日内将{甲}家院墙及门楼修复原状，材料和人工由{乙}负责。'], days: 15 },
    ],
    statements: ['申请人出示了受损院墙的照片和维修报价。', '被申请人同意赔偿，但认为报价过高。'],
    undisputed: ['{乙}倒车时撞坏了{甲}家院墙及门楼'],
    disputed: ['修复费用的数额'],
    failure: ['双方对修复费用分歧较大，经多次调解未能达成一致'],
  },
];

const forestLand: readonly Dispute[] = [
  {
    titles: ['承包地边界纠纷'],
    facts: '{甲}与{乙}的承包地相邻，{乙}耕种时越过地界约一垄，{甲}种植的小麦受损。',
    claim: '请求恢复地界并赔偿青苗损失{额}。',
    amount: [300, 3000],
    respondent: 'person',
    settlements: [{ terms: ['以村集体确权登记图为准恢复地界，双方于十日内共同埋设界桩。', '{乙}赔偿{甲}青苗损失{额}{付}。'], days: 10 }],
    statements: ['调解员会同村组干部到地头查看。', '双方对确权登记图均无异议。'],
    undisputed: ['双方承包地南北相邻', '界址以村集体确权登记图为准'],
    disputed: ['青苗损失的数额'],
    failure: ['被申请人不认可越界耕种'],
  },
  {
    titles: ['耕地流转纠纷'],
    facts: '{甲}将承包地流转给{乙}种植，{乙}拖欠流转费{额}。',
    claim: '请求{乙}支付流转费{额}。',
    amount: [1000, 30000],
    respondent: 'person',
    settlements: [{ terms: ['{乙}向{甲}支付拖欠的流转费{额}{付}。', '双方继续履行原土地流转合同。'], days: 0 }],
    statements: ['申请人出示了土地流转合同。', '被申请人称今年收成不好，请求宽限。'],
    undisputed: ['双方签订了书面土地流转合同', '{乙}一直在流转土地上耕种'],
    disputed: ['流转费的数额', '付款期限'],
    failure: ['被申请人无力支付流转费，双方未能达成一致'],
  },
  {
    titles: ['林木权属纠纷'],
    facts: '{甲}与{乙}对{地}村口一排杨树的权属发生争议，双方均称杨树由自家栽种。',
    claim: '请求确认村口一排杨树归{甲}所有。',
    amount: null,
    respondent: 'person',
    settlements: [
      {
        terms: ['村口杨树共二十株，其中南侧十二株归{甲}所有，北侧八株归{乙}所有。', '双方各自管护，采伐时依法办理采伐许可。'],
        days: 30,
      },
    ],
    statements: ['双方各自陈述了栽种经过。', '村里老党员介绍了当年栽种的情况。'],
    undisputed: ['争议杨树共二十株，位于两家承包地交界处'],
    disputed: ['杨树的栽种人及权属'],
    failure: ['双方均坚持杨树归己所有，分歧较大'],
  },
];

const landExpropriation: readonly Dispute[] = [
  {
    titles: ['征地补偿分配纠纷'],
    facts: '{地}部分土地因道路建设被依法征收，{甲}对{乙}制定的征地补偿款分配方案有异议，认为自己应享有集体经济组织成员待遇。',
    claim: '请求{乙}按成员标准向{甲}分配征地补偿款{额}。',
    amount: [20000, 200000],
    respondent: ['village'],
    settlements: [{ terms: ['{乙}按照村民代表会议通过的分配方案，向{甲}补发征地补偿款{额}{付}。'], days: 0 }],
    statements: ['村股份经济合作社介绍了分配方案的形成经过。', '申请人认为自己应享有集体经济组织成员待遇。'],
    undisputed: ['{甲}户籍在本村', '该地块已于去年被依法征收'],
    disputed: ['{甲}是否具有集体经济组织成员资格', '应分配的数额'],
    failure: ['双方对成员资格认定分歧较大，申请人坚持通过诉讼解决'],
  },
  {
    titles: ['拆迁补偿款分配纠纷', '房屋拆迁补偿纠纷'],
    facts: '{甲}与{乙}系兄弟，父亲名下房屋被依法征收后，{乙}领取了全部拆迁补偿款，{甲}认为自己应分得{额}。',
    claim: '请求{乙}分给{甲}拆迁补偿款{额}。',
    amount: [20000, 300000],
    respondent: 'person',
    settlements: [{ terms: ['{乙}分给{甲}拆迁补偿款{额}{付}。', '双方对父亲名下房屋的拆迁补偿再无其他争议。'], days: 0 }],
    statements: ['申请人称自己长期照顾父亲，应分得补偿款。', '被申请人称房屋由自己出资翻建。'],
    undisputed: ['父亲名下房屋已被依法征收', '拆迁补偿款由{乙}领取'],
    disputed: ['{甲}应分得的份额'],
    failure: ['双方对分配份额分歧较大，申请人坚持通过诉讼解决'],
  },
];

const environment: readonly Dispute[] = [
  {
    titles: ['工厂噪音污染纠纷', '粉尘污染纠纷'],
    facts: '{乙}在{地}附近生产经营，夜间噪音和粉尘影响周边居民休息，{甲}等居民多次反映。',
    claim: '请求{乙}采取降噪除尘措施，并补偿损失{额}。',
    amount: [2000, 50000],
    respondent: ['factory'],
    settlements: [
      { terms: ['{乙}于三十日内加装除尘降噪设备，夜间22时至次日6时停止生产。', '{乙}补偿{甲}损失{额}{付}。'], days: 30 },
      {
        terms: [
          '{乙}于三十日内加装除尘降噪设备，夜间22时至次日6时停止生产。',
          '整改完成后由双方共同委托检测机构检测，检测费用由{乙}承担。',
        ],
        days: 30,
      },
    ],
    statements: ['居民代表陈述了受影响情况。', '企业负责人表示愿意整改。', '调解员请环保专业人员介绍了噪音排放标准。'],
    undisputed: ['{乙}的车间距居民楼约80米', '{乙}夜间生产'],
    disputed: ['噪音和粉尘对居民的影响程度', '补偿的数额'],
    failure: ['双方对补偿范围分歧较大'],
  },
  {
    titles: ['养殖异味纠纷', '污水排放纠纷'],
    facts: '{乙}在{地}村边经营的养猪场距居民区较近，异味和污水影响{甲}等村民生活。',
    claim: '请求{乙}对养殖污水进行无害化处理，不再直排。',
    amount: null,
    respondent: 'person',
    settlements: [
      { terms: ['{乙}于六十日内建设沼气池和污水处理设施，养殖污水经处理后不再直排。', '{乙}每日清运粪污，保持养殖场周边卫生。'], days: 60 },
    ],
    statements: ['村民代表陈述了异味和污水的影响。', '养殖户表示愿意整改，但资金有困难。'],
    undisputed: ['{乙}的养猪场距最近的住户约150米', '养殖污水经村边沟渠排放'],
    disputed: ['整改的期限和标准'],
    failure: ['被申请人表示无力投资建设处理设施'],
  },
];

const labor: readonly Dispute[] = [
  {
    titles: ['追索劳动报酬纠纷', '拖欠农民工工资纠纷'],
    facts: '{甲}等人在{乙}承建的工地务工，工程完工后{乙}以结算未完成为由拖欠工资共计{额}。',
    claim: '请求{乙}支付拖欠的工资{额}。',
    amount: [3000, 100000],
    responsibility: '{乙}未按时足额支付劳动报酬，应承担支付责任。',
    settlements: [{ terms: ['{乙}向{甲}支付拖欠的工资{额}{付}。', '{甲}收到上述款项后，不再就本案欠薪向{乙}主张权利。'], days: 0 }],
    statements: [
      '申请人提交了考勤记录和工资条。',
      '被申请人称资金紧张，希望分期支付。',
      '人社部门工作人员到场讲解了保障农民工工资支付的规定。',
    ],
    undisputed: ['{甲}今年三月至十月在{乙}的工地务工', '{乙}未足额支付{甲}的工资'],
    disputed: ['拖欠工资的数额', '出勤天数'],
    failure: ['被申请人不认可用工关系', '双方对工资数额分歧较大'],
  },
  {
    titles: ['解除劳动关系经济补偿纠纷'],
    facts: '{甲}在{乙}处工作三年，{乙}以经营困难为由单方解除劳动关系，未支付经济补偿金。',
    claim: '请求{乙}支付解除劳动关系的经济补偿金{额}。',
    amount: [3000, 60000],
    respondent: ['company', 'factory'],
    settlements: [{ terms: ['双方劳动关系于本协议签订之日解除。', '{乙}向{甲}支付经济补偿金{额}{付}。'], days: 0 }],
    statements: ['申请人提交了劳动合同和解除通知。', '被申请人对补偿金的计算基数有异议。'],
    undisputed: ['{甲}三年前入职{乙}', '{乙}已书面通知解除劳动关系'],
    disputed: ['经济补偿金的计算基数'],
    failure: ['双方对补偿数额分歧较大，申请人申请劳动仲裁'],
  },
  {
    titles: ['工伤待遇纠纷'],
    facts: '{甲}在{乙}处工作时受伤，经认定为工伤、鉴定为十级伤残，双方对工伤待遇数额发生争议。',
    claim: '请求{乙}支付一次性伤残补助金{额}。',
    amount: [10000, 150000],
    respondent: ['company', 'factory'],
    settlements: [{ terms: ['{乙}向{甲}支付一次性伤残补助金{额}{付}。', '双方确认停工留薪期待遇已结清。'], days: 0 }],
    statements: ['申请人提交了工伤认定书和伤残鉴定结论。', '被申请人对计算基数有异议。'],
    undisputed: ['{甲}在工作中受伤，已认定为工伤', '{甲}经劳动能力鉴定为十级伤残'],
    disputed: ['一次性伤残补助金的计算基数'],
    failure: ['被申请人对伤残等级有异议，申请重新鉴定'],
  },
];

const consumer: readonly Dispute[] = [
  {
    titles: ['商品质量纠纷', '售后服务纠纷'],
    facts: '{甲}在{乙}购买的冰箱使用两个月即出现故障，多次维修未果，要求退货遭拒。',
    claim: '请求{乙}退货并退还货款{额}。',
    amount: [1500, 8000],
    respondent: ['shop'],
    settlements: [
      { terms: ['{甲}将冰箱退回{乙}，{乙}向{甲}退还货款{额}{付}。'], days: 0 },
      { terms: ['{乙}于七日内为{甲}更换同型号新冰箱一台，并送货上门安装。', '旧冰箱由{乙}在更换时收回。'], days: 7, goods: true },
    ],
    statements: ['申请人出示了购物小票和维修记录。', '商家表示愿意协商解决。'],
    undisputed: ['{甲}今年三月在{乙}处购买该冰箱', '冰箱在保修期内多次出现不制冷故障'],
    disputed: ['是否属于质量问题', '退货还是换货'],
    failure: ['商家拒绝退货'],
  },
  {
    titles: ['预付卡退费纠纷'],
    facts: '{甲}在{乙}办理预付卡，后{乙}停业搬迁，卡内余额{额}无法使用。',
    claim: '请求{乙}退还预付卡余额{额}。',
    amount: [300, 8000],
    respondent: ['shop', 'school'],
    settlements: [{ terms: ['{乙}向{甲}退还预付卡余额{额}{付}。'], days: 0 }],
    statements: ['申请人出示了预付卡和消费记录。', '经营者称资金困难，希望分期退还。'],
    undisputed: ['{甲}持有{乙}发放的预付卡', '{乙}已停止营业'],
    disputed: ['预付卡余额的数额'],
    failure: ['商家拒绝退款'],
  },
];

const medical: readonly Dispute[] = [
  {
    titles: ['医疗损害纠纷'],
    facts: '{甲}在{乙}接受手术后出现切口感染，{甲}认为医院存在过错，要求赔偿。',
    claim: '请求{乙}赔偿医疗费、误工费、护理费等共计{额}。',
    amount: [5000, 300000],
    respondent: ['hospital'],
    settlements: [{ terms: ['{乙}赔偿{甲}医疗费、误工费、护理费等共计{额}{付}。', '双方就本次医疗纠纷再无其他争议。'], days: 0 }],
    statements: ['医患双方陈述了诊疗经过。', '医调委专家解释了诊疗规范。'],
    undisputed: ['{甲}去年十月在{乙}处住院接受手术', '{甲}术后出现切口感染'],
    disputed: ['{乙}的诊疗行为是否存在过错', '赔偿数额'],
    failure: ['双方对是否存在医疗过错分歧较大，申请人要求进行医疗损害鉴定'],
  },
  {
    titles: ['医疗美容纠纷', '诊疗费用纠纷'],
    facts: '{甲}在{乙}做牙齿种植，术后多次出现松动，要求退费。',
    claim: '请求{乙}退还治疗费{额}。',
    amount: [3000, 30000],
    respondent: ['hospital'],
    settlements: [
      { terms: ['{乙}向{甲}退还治疗费{额}{付}。'], days: 0 },
      { terms: ['{乙}于三十日内为{甲}免费重新种植，所需材料由{乙}承担。'], days: 30 },
    ],
    statements: ['申请人出示了病历和收费票据。', '诊所称松动与申请人术后护理不当有关。'],
    undisputed: ['{甲}今年四月在{乙}处种植牙齿两颗', '种植牙术后出现松动'],
    disputed: ['松动的原因', '退费的数额'],
    failure: ['双方对松动原因分歧较大，申请人要求鉴定'],
  },
];

const trafficAccident: readonly Dispute[] = [
  {
    titles: ['道路交通事故损害赔偿纠纷', '电动车与行人碰撞纠纷'],
    facts: '{乙}驾驶小型轿车在{地}路口与{甲}驾驶的电动自行车相撞，致{甲}受伤，交警认定{乙}负主要责任。',
    claim: '请求{乙}赔偿医疗费、误工费、护理费等共计{额}。',
    amount: [3000, 200000],
    respondent: 'person',
    responsibility: '经交警部门认定，{乙}负事故主要责任，{甲}负次要责任。',
    settlements: [
      {
        terms: ['{乙}赔偿{甲}医疗费、误工费、护理费等共计{额}{付}。', '{甲}收到上述款项后，不再就本次事故向{乙}主张其他赔偿。'],
        days: 0,
      },
    ],
    statements: ['申请人提交了事故认定书和医疗票据。', '保险公司代表对部分费用提出异议。', '调解员依据赔偿标准逐项核算。'],
    undisputed: ['事故经交警部门认定，{乙}负主要责任', '{甲}伤后在牧野区人民医院住院治疗'],
    disputed: ['误工费和护理费的计算', '伤残等级是否需要鉴定'],
    failure: ['保险公司对伤残等级有异议，需重新鉴定'],
  },
  {
    titles: ['机动车追尾损失纠纷'],
    facts: '{乙}驾驶货车追尾{甲}的车辆，造成车辆损坏，交警认定{乙}负全部责任。',
    claim: '请求{乙}赔偿车辆维修费{额}。',
    amount: [1000, 50000],
    respondent: 'person',
    responsibility: '经交警部门认定，{乙}负事故全部责任。',
    settlements: [{ terms: ['{乙}赔偿{甲}车辆维修费{额}{付}。'], days: 0 }],
    statements: ['申请人提交了维修厂的定损单。', '被申请人认为部分维修项目与事故无关。'],
    undisputed: ['事故经交警部门认定，{乙}负全部责任', '{甲}的车辆已在维修厂定损'],
    disputed: ['车辆维修费的数额'],
    failure: ['双方对维修项目分歧较大'],
  },
];

const propertyManagement: readonly Dispute[] = [
  {
    titles: ['物业费纠纷'],
    facts: '{乙}居住在{地}，认为{甲}服务不到位，拒交物业费两年，共计{额}。',
    claim: '请求{乙}缴纳拖欠的物业费{额}。',
    amount: [800, 8000],
    respondent: ['property'],
    orgApplicant: true,
    settlements: [
      {
        terms: ['{乙}向{甲}缴纳拖欠的物业费{额}{付}。', '{甲}免收滞纳金，并于三十日内对{乙}反映的楼道照明和绿化问题进行整改。'],
        days: 30,
      },
    ],
    statements: ['业主反映了小区卫生和安保问题。', '物业公司介绍了服务整改计划。'],
    undisputed: ['{乙}系该小区业主', '{乙}自前年起未缴纳物业费'],
    disputed: ['物业服务是否达到合同约定标准', '应缴物业费的数额'],
    failure: ['业主坚持物业服务不达标，拒绝缴费'],
  },
  {
    titles: ['电梯维修纠纷', '物业服务质量纠纷'],
    facts: '{地}电梯频繁故障，业主{甲}等要求{乙}维修，双方对维修方案意见不一。',
    claim: '请求{乙}维修电梯并公示维修费用明细。',
    amount: null,
    respondent: ['property'],
    settlements: [
      { terms: ['{乙}于三十日内完成电梯维修，并在小区公告栏公示维修费用明细。', '{乙}每月对电梯进行维护保养并做好记录。'], days: 30 },
    ],
    statements: ['业主代表陈述了电梯故障情况。', '物业公司介绍了维修方案。'],
    undisputed: ['电梯今年以来多次发生故障', '电梯由{乙}负责日常维护'],
    disputed: ['电梯是维修还是更换'],
    failure: ['业主坚持要求更换物业公司'],
  },
];

const other: readonly Dispute[] = [
  {
    titles: ['其他民事纠纷', '村务管理纠纷'],
    facts: '{甲}与{乙}因生活琐事发生矛盾，多次争吵，影响周边群众生活。',
    claim: '请求{乙}赔礼道歉。',
    amount: null,
    respondent: 'person',
    settlements: [{ terms: ['{乙}向{甲}赔礼道歉。', '双方今后和睦相处，互不干扰。'], days: 0 }],
    statements: ['双方陈述了矛盾的起因。', '调解员分别做双方的思想工作。'],
    undisputed: ['双方系同村村民', '双方曾多次发生争吵'],
    disputed: ['矛盾的起因'],
    failure: ['双方情绪对立，均不愿让步'],
  },
  {
    titles: ['宠物纠纷'],
    facts: '{乙}饲养的宠物猫多次进入{甲}家中，抓坏沙发等家具，{甲}要求赔偿损失{额}。',
    claim: '请求{乙}赔偿家具损失{额}。',
    amount: [200, 3000],
    respondent: 'person',
    settlements: [{ terms: ['{乙}赔偿{甲}家具损失{额}{付}。', '{乙}今后对宠物严加看管。'], days: 0 }],
    statements: ['申请人出示了家具受损的照片。', '被申请人同意赔偿，但认为家具本已陈旧。'],
    undisputed: ['{乙}饲养宠物猫', '{甲}家沙发有抓痕'],
    disputed: ['家具损失的数额'],
    failure: ['双方对赔偿数额分歧较大'],
  },
];

const petitionBacklog: readonly Dispute[] = [
  {
    titles: ['多年宅基地信访积案', '信访积案化解'],
    facts: '{甲}与{乙}因老宅基地界址问题长期争执，{甲}自二〇一八年起多次信访，经多级答复仍不满意，列为信访积案。',
    claim: '请求{乙}按原界址退还占用的宅基地。',
    amount: null,
    respondent: 'person',
    settlements: [
      {
        terms: ['双方以一九九二年宅基地登记图为准确定界址，{乙}于三十日内拆除越界部分的围墙。', '双方就此宅基地界址再无争议。'],
        days: 30,
      },
    ],
    statements: ['包案领导听取了当事人的诉求。', '调解员会同村干部调取了宅基地登记资料。'],
    undisputed: ['双方宅基地南北相邻', '村委会保存有一九九二年的宅基地登记图'],
    disputed: ['原界址的位置'],
    failure: ['申请人坚持按其主张的界址处理，双方分歧较大'],
  },
  {
    titles: ['企业改制遗留问题信访积案'],
    facts: '{甲}自二〇一八年起多次就原企业改制时的职工安置问题信访，经多级答复仍不满意，列为信访积案。',
    claim: '要求落实原企业职工安置待遇{额}。',
    amount: [10000, 200000],
    respondent: ['agency'],
    settlements: [],
    statements: [],
    undisputed: [],
    disputed: [],
    failure: [],
    outside: {
      reject: '信访事项涉及企业改制安置政策的落实，不属于人民调解范围，已告知向主管部门反映，对处理意见不服可依法申请复查',
      transferTo: '牧野区人力资源和社会保障局',
      transferReason: '属政策落实事项，移交主管部门依法处理',
    },
  },
  {
    titles: ['社保补缴信访积案'],
    facts: '{甲}多次信访，要求为其补缴原单位欠缴的社会保险，经答复仍不满意。',
    claim: '要求为{甲}补缴社会保险。',
    amount: null,
    respondent: ['agency'],
    settlements: [],
    statements: [],
    undisputed: [],
    disputed: [],
    failure: [],
    outside: {
      reject: '社会保险补缴属社会保险行政部门的职责，不属于人民调解范围，已告知向社会保险经办机构申请',
      transferTo: '牧野区人力资源和社会保障局',
      transferReason: '属社会保险征缴事项，移交主管部门依法处理',
    },
  },
];

const administrative: readonly Dispute[] = [
  {
    titles: ['行政处罚争议'],
    facts: '{甲}对{乙}作出的罚款二千元的行政处罚决定不服，到中心要求调解。',
    claim: '请求撤销或变更处罚决定。',
    amount: null,
    respondent: ['agency'],
    settlements: [],
    statements: [],
    undisputed: [],
    disputed: [],
    failure: [],
    outside: administrativeReview('行政处罚决定', '牧野区司法局（区人民政府行政复议机构）', '引导当事人依法申请行政复议'),
  },
  {
    titles: ['社保待遇认定争议'],
    facts: '{甲}对{乙}核定的养老保险待遇不服，要求重新核定。',
    claim: '请求重新核定养老保险待遇。',
    amount: null,
    respondent: ['agency'],
    settlements: [],
    statements: [],
    undisputed: [],
    disputed: [],
    failure: [],
    outside: administrativeReview('养老保险待遇核定', '牧野区人力资源和社会保障局', '移交作出核定的部门复核，并告知申请行政复议的期限'),
  },
  {
    titles: ['不动产登记争议'],
    facts: '{甲}认为{乙}办理的不动产登记有误，要求更正。',
    claim: '请求更正不动产登记。',
    amount: null,
    respondent: ['agency'],
    settlements: [],
    statements: [],
    undisputed: [],
    disputed: [],
    failure: [],
    outside: administrativeReview('不动产登记', '新乡市自然资源和规划局牧野分局', '移交登记机构依法更正，并告知申请行政复议的期限'),
  },
];

const insolvency: readonly Dispute[] = [
  {
    titles: ['停产企业欠薪纠纷', '破产企业欠薪纠纷'],
    facts: '{乙}因经营困难停产，拖欠{甲}等职工工资共计{额}，职工多次讨要未果。',
    claim: '请求{乙}支付拖欠的工资{额}。',
    amount: [10000, 300000],
    respondent: ['company'],
    responsibility: '{乙}拖欠职工工资，应承担支付责任。',
    settlements: [{ terms: ['{乙}以变卖库存设备所得向{甲}支付拖欠的工资{额}{付}。'], days: 0 }],
    statements: ['职工代表提交了工资表。', '企业负责人介绍了资产状况和变卖计划。'],
    undisputed: ['{甲}系{乙}职工', '{乙}自今年六月起停产'],
    disputed: ['拖欠工资的数额'],
    failure: ['被申请人无力支付，职工申请劳动仲裁'],
  },
  {
    titles: ['破产清算债权确认纠纷', '企业破产职工债权纠纷'],
    facts: '{乙}已进入破产清算程序，{甲}等职工对管理人公示的职工债权数额有异议。',
    claim: '请求确认职工债权{额}。',
    amount: [20000, 800000],
    respondent: ['company'],
    settlements: [],
    statements: [],
    undisputed: [],
    disputed: [],
    failure: [],
    outside: {
      reject:
        '企业已进入破产程序，职工债权由管理人调查、人民法院裁定（企业破产法第四十八条），已告知依法向管理人提出异议或向受理破产的人民法院起诉',
      transferTo: '新乡市牧野区人民法院',
      transferReason: '属破产程序中的债权争议，引导向受理破产的人民法院处理',
    },
  },
];

export const TEXTS: Readonly<Record<CategoryCode, CategoryTexts>> = {
  marriage_family: { disputes: marriageFamily },
  neighbor: { disputes: neighbor },
  housing_homestead: { disputes: housingHomestead },
  contract: { disputes: contract },
  business: { disputes: business },
  damages: { disputes: damages },
  forest_land: { disputes: forestLand },
  land_expropriation: { disputes: landExpropriation },
  environment: { disputes: environment },
  labor: { disputes: labor },
  consumer: { disputes: consumer },
  medical: { disputes: medical },
  traffic_accident: { disputes: trafficAccident },
  property_management: { disputes: propertyManagement },
  other: { disputes: other },
  petition_backlog: { disputes: petitionBacklog },
  administrative: { disputes: administrative },
  insolvency: { disputes: insolvency },
};
