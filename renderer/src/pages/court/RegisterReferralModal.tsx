/**
 * 登记委派/委托案件: the court's data (court, reference number, mode, procedure, dates, who to report
 * to), the case (title, category, facts, parties) and the mediator the parties chose from the
 * roster or the one assigned. The form is shaped like the operation's input, so the server's field
 * messages land on the right fields.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { COURT_REFERENCE_EXAMPLE, courtReferenceSchema, type RegisterReferralInput } from '../../../../electron/common/api/court';
import { PARTY_ROLE_LABELS } from '../../../../electron/common/api/cases';
import { optionalText, requiredText } from '../../../../electron/common/api/fields';
import { describeDue, legalDue, makeCalendar } from '../../../../electron/common/domain/calendar';
import {
  COURT_PROCEDURE_LABELS,
  COURT_REFERRAL_MODE_LABELS,
  courtReferralDueDate,
  courtReferralLimitDays,
} from '../../../../electron/common/domain/deadlines';
import { validateCreditCode, validateResidentId, validatePhone } from '../../../../electron/common/domain/identity';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiMutation } from '../../components/useApiMutation';
import { useApiQuery } from '../../components/useApiQuery';
import { fenOfYuan } from '../../components/yuanField';
import { zodRule } from '../../components/zodRule';
import { MediatorPicker } from './MediatorPicker';
import { categoryOptions, isoOf, noFuture, todayDayjs } from './format';

interface PartyValues {
  role: 'applicant' | 'respondent' | 'third_party';
  kind: 'person' | 'org';
  name: string;
  idNumber?: string;
  creditCode?: string;
  legalRepresentative?: string;
  phone?: string;
  address?: string;
}

interface Values {
  referral: {
    mode: 'delegated' | 'entrusted';
    procedure?: 'ordinary' | 'simple';
    court: string;
    referenceNumber: string;
    referredAt?: Dayjs;
    materialsSignedAt?: Dayjs;
    reportTo?: string;
  };
  case: { title: string; category?: string; summary?: string; claims?: string; amount?: number | null; parties: PartyValues[] };
  mediator?: { mediatorId?: string; chosenBy: 'parties' | 'assigned' };
}

const check = (fn: (v: string) => { ok: true } | { ok: false; message: string }) => ({
  validator: async (_: unknown, v: unknown) => {
    if (typeof v !== 'string' || v.trim() === '') return;
    const r = fn(v.trim());
    if (!r.ok) throw new Error(r.message);
  },
});

const ROLE_OPTIONS = (['applicant', 'respondent', 'third_party'] as const).map((r) => ({ value: r, label: PARTY_ROLE_LABELS[r] }));

export function RegisterReferralModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (caseId: string) => void }) {
  const [form] = Form.useForm<Values>();
  const register = useApiMutation('court.registerReferral', {
    form,
    rename: { 'case.amountFen': 'case.amount' },
    showError: 'inline',
    invalidates: ['court.referrals', 'roster.candidates', 'mediators.list', 'supervision.list'],
    success: (r) => `已登记 ${r.caseNumber}（${r.referenceNumber}）`,
    onSuccess: (r) => onDone(r.caseId),
  });
  const mode = Form.useWatch(['referral', 'mode'], form);
  const procedure = Form.useWatch(['referral', 'procedure'], form);
  const signed = Form.useWatch(['referral', 'materialsSignedAt'], form);
  const category = Form.useWatch(['case', 'category'], form);

  // The same count the server makes: the plain-count last day, moved off a rest day on the centre's calendar.
  const calendar = useApiQuery('calendar.get');
  const cal = useMemo(() => (calendar.data ? makeCalendar(calendar.data.years) : null), [calendar.data]);
  let due: string | null = null;
  let limit: number | null = null;
  try {
    if (mode && (mode === 'delegated' || procedure)) {
      limit = courtReferralLimitDays(mode, procedure ?? null);
      if (signed) {
        const nominal = courtReferralDueDate({ mode, procedure: procedure ?? null, materialsSignedOn: signed.format('YYYY-MM-DD') });
        due = cal ? describeDue(legalDue(cal, nominal)) : nominal;
      }
    }
  } catch {
    due = null;
  }

  const submit = (v: Values) => {
    const input: RegisterReferralInput = {
      referral: {
        mode: v.referral.mode,
        procedure: v.referral.mode === 'entrusted' ? (v.referral.procedure ?? null) : null,
        court: v.referral.court ?? '',
        referenceNumber: v.referral.referenceNumber ?? '',
        referredAt: isoOf(v.referral.referredAt) ?? '',
        materialsSignedAt: isoOf(v.referral.materialsSignedAt) ?? '',
        reportTo: v.referral.reportTo,
      },
      case: {
        title: v.case.title ?? '',
        category: (v.case.category ?? '') as never,
        summary: v.case.summary ?? '',
        claims: v.case.claims ?? '',
        amountFen: fenOfYuan(v.case.amount),
        parties: (v.case.parties ?? []).map((p) => ({
          role: p.role,
          kind: p.kind,
          name: p.name ?? '',
          ...(p.kind === 'person' && p.idNumber ? { idType: 'resident_id' as const, idNumber: p.idNumber } : {}),
          ...(p.kind === 'org' && p.creditCode ? { creditCode: p.creditCode } : {}),
          ...(p.kind === 'org' && p.legalRepresentative ? { legalRepresentative: p.legalRepresentative } : {}),
          phone: p.phone,
          address: p.address,
        })),
      },
      mediator: v.mediator?.mediatorId ? { mediatorId: v.mediator.mediatorId, chosenBy: v.mediator.chosenBy } : null,
    };
    register.mutate(input);
  };

  return (
    <Modal
      title="登记委派/委托案件"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记"
      okButtonProps={{ loading: register.isPending }}
      width={1080}
      destroyOnHidden
      afterClose={() => register.reset()}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="referral"
        aria-label="登记委派/委托案件"
        clearOnDestroy
        scrollToFirstError
        initialValues={{
          referral: { mode: 'delegated', referredAt: todayDayjs(), materialsSignedAt: todayDayjs() },
          case: {
            parties: [
              { role: 'applicant', kind: 'person' },
              { role: 'respondent', kind: 'person' },
            ],
          },
          mediator: { chosenBy: 'parties' },
        }}
        onFinish={submit}
        style={{ marginTop: 12 }}
      >
        <ErrorAlert error={register.error} />
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          法院信息
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['referral', 'mode']} label="方式" rules={[{ required: true, message: '请选择委派或委托' }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={(['delegated', 'entrusted'] as const).map((m) => ({ value: m, label: COURT_REFERRAL_MODE_LABELS[m] }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {mode === 'entrusted' ? (
              <Form.Item
                name={['referral', 'procedure']}
                label="适用程序"
                rules={[{ required: true, message: '委托调解须选择法院适用普通程序还是简易程序' }]}
              >
                <Radio.Group
                  options={(['ordinary', 'simple'] as const).map((p) => ({
                    value: p,
                    label: `${COURT_PROCEDURE_LABELS[p]}（${p === 'ordinary' ? 15 : 7}日）`,
                  }))}
                />
              </Form.Item>
            ) : null}
          </Col>
          <Col span={12}>
            <Form.Item name={['referral', 'court']} label="委派/委托法院" required rules={[zodRule(requiredText('委派/委托法院', 100))]}>
              <Input placeholder="如：新乡市牧野区人民法院" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['referral', 'referenceNumber']}
              label="法院案号"
              required
              rules={[zodRule(courtReferenceSchema)]}
              extra={`如 ${COURT_REFERENCE_EXAMPLE}`}
            >
              <Input placeholder={COURT_REFERENCE_EXAMPLE} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['referral', 'referredAt']} label="委派/委托日期" rules={[{ required: true, message: '请填写委派/委托日期' }]}>
              <DatePicker disabledDate={noFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={['referral', 'materialsSignedAt']}
              label="签收材料日期"
              dependencies={[['referral', 'referredAt']]}
              rules={[
                { required: true, message: '请填写签收材料日期' },
                ({ getFieldValue }) => ({
                  validator: async (_, v: Dayjs | undefined) => {
                    const from = getFieldValue(['referral', 'referredAt']) as Dayjs | undefined;
                    if (v && noFuture(v)) throw new Error('签收材料日期不能晚于今天');
                    if (v && from && v.isBefore(from, 'day'))
                      throw new Error(`签收材料日期不能早于委派/委托日期（${from.format('YYYY-MM-DD')}）`);
                  },
                }),
              ]}
              extra="期限自签收材料的次日起算"
            >
              <DatePicker disabledDate={noFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['referral', 'reportTo']} label="承办法官/书记员" rules={[zodRule(optionalText('承办法官/书记员', 100))]}>
              <Input placeholder="调解结果向谁报告" />
            </Form.Item>
          </Col>
        </Row>
        {limit !== null ? (
          <Alert
            type="info"
            showIcon
            data-testid="due-preview"
            title={`调解期限 ${limit} 日${due ? `，至 ${due}` : ''}。延长须经双方当事人同意。`}
            style={{ marginBottom: 16 }}
          />
        ) : null}

        <Divider titlePlacement="start">案件信息</Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['case', 'title']} label="纠纷简述" required rules={[zodRule(requiredText('纠纷简述', 100))]}>
              <Input placeholder="如：买卖合同货款纠纷" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['case', 'category']} label="纠纷类型" rules={[{ required: true, message: '请选择纠纷类型' }]}>
              <Select options={categoryOptions} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['case', 'amount']} label="争议金额（元）">
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['case', 'summary']} label="纠纷事实">
              <Input.TextArea rows={3} maxLength={20000} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['case', 'claims']} label="争议事项/诉讼请求">
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">当事人</Divider>
        <Form.List
          name={['case', 'parties']}
          rules={[
            {
              validator: async (_, ps: PartyValues[] | undefined) => {
                if (!ps || ps.length === 0) throw new Error('至少填写一名当事人');
                if (!ps.some((p) => p?.role === 'applicant')) throw new Error('至少要有一名申请人');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <PartyRow key={field.key} index={i} name={field.name} onRemove={fields.length > 1 ? () => remove(field.name) : undefined} />
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'respondent', kind: 'person' })}>
                添加当事人
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">调解员</Divider>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item
              name={['mediator', 'mediatorId']}
              label="调解员"
              extra="当事人从名册中选定；未选定的，由对接点指定。也可以登记后再选。"
            >
              <MediatorPicker specialty={category} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['mediator', 'chosenBy']} label="产生方式">
              <Radio.Group
                options={[
                  { value: 'parties', label: '当事人选定' },
                  { value: 'assigned', label: '指定' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function PartyRow({ index, name, onRemove }: { index: number; name: number; onRemove?: (() => void) | undefined }) {
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch(['case', 'parties', name, 'kind'], form) as PartyValues['kind'] | undefined;
  return (
    <div data-testid={`party-${index}`} style={{ borderBottom: '1px dashed #e3e7ee', marginBottom: 12 }}>
      <Row gutter={8} align="top">
        <Col span={3}>
          <Form.Item name={[name, 'role']} label="身份" rules={[{ required: true, message: '请选择身份' }]}>
            <Select options={ROLE_OPTIONS} aria-label={`当事人${index + 1}身份`} />
          </Form.Item>
        </Col>
        <Col span={3}>
          <Form.Item name={[name, 'kind']} label="类别">
            <Select
              options={[
                { value: 'person', label: '自然人' },
                { value: 'org', label: '单位' },
              ]}
              aria-label={`当事人${index + 1}类别`}
            />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name={[name, 'name']} label="姓名或名称" required rules={[zodRule(requiredText('姓名或名称', 100))]}>
            <Input aria-label={`当事人${index + 1}姓名`} />
          </Form.Item>
        </Col>
        <Col span={5}>
          {kind === 'org' ? (
            <Form.Item name={[name, 'creditCode']} label="统一社会信用代码" rules={[check(validateCreditCode)]}>
              <Input aria-label={`当事人${index + 1}信用代码`} />
            </Form.Item>
          ) : (
            <Form.Item name={[name, 'idNumber']} label="身份证号码" rules={[check((v) => validateResidentId(v, today()))]}>
              <Input aria-label={`当事人${index + 1}身份证号码`} />
            </Form.Item>
          )}
        </Col>
        <Col span={4}>
          <Form.Item name={[name, 'phone']} label="联系电话" rules={[check(validatePhone)]}>
            <Input aria-label={`当事人${index + 1}电话`} />
          </Form.Item>
        </Col>
        <Col span={4}>
          {kind === 'org' ? (
            <Form.Item name={[name, 'legalRepresentative']} label="法定代表人">
              <Input aria-label={`当事人${index + 1}法定代表人`} />
            </Form.Item>
          ) : (
            <Form.Item name={[name, 'address']} label="住址">
              <Input aria-label={`当事人${index + 1}住址`} />
            </Form.Item>
          )}
        </Col>
        <Col span={1}>
          {onRemove ? (
            <Button
              type="text"
              danger
              icon={<MinusCircleOutlined />}
              onClick={onRemove}
              aria-label={`删除当事人${index + 1}`}
              style={{ marginTop: 34 }}
            />
          ) : null}
        </Col>
        {kind === 'org' ? (
          <Col span={12} offset={10}>
            <Form.Item name={[name, 'address']} label="住所地">
              <Input aria-label={`当事人${index + 1}住址`} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
