/**
 * The one party form: the fields of a party (a person or an organisation, or an agent acting for
 * one) as the contract has them, used by the case page's party dialog, 登记案件, the court referral
 * and — its 'contact' fields only — the clerk's registration. Every field asks the one check
 * (checkParty, or the caller's `rule`), so the forms refuse the same things in the same words.
 */
import { Col, DatePicker, Form, Input, Radio, Row, Select, type FormRule } from 'antd';
import type { IdType } from '../../../../electron/common/domain/identity';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { textLimit } from '../textLimit';
import { partyRule, type PartyField } from './partyCheck';
import { idTypeOptions, partyRoleOptions } from './partyOptions';

export interface PartyFieldsProps {
  /** The Form.List that holds the party and its index there; without it the whole form is one party. */
  list?: { path: readonly (string | number)[]; index: number };
  /** Whom an agent may act for (other parties: by index in the same form, or by id in the case). */
  agentTargets?: { value: number | string; label: string }[];
  /** 'full': all a case keeps of a party; 'contact': the applicant at the counter (name, phone, ID). */
  variant?: 'full' | 'contact';
  /** The rule of a 'contact' field, where the form's operation is not a party's (the clerk's registration). */
  rule?: (field: ContactField) => FormRule;
}

/** The fields of the 'contact' variant. */
export type ContactField = 'name' | 'phone' | 'idType' | 'idNumber';
const CONTACT_FIELDS: readonly PartyField[] = ['name', 'phone', 'idType', 'idNumber'];
const isContactField = (f: PartyField): f is ContactField => CONTACT_FIELDS.includes(f);

export function PartyFields({ list, agentTargets, variant = 'full', rule }: PartyFieldsProps) {
  const path = list ? [...list.path, list.index] : [];
  /** The field's name inside the Form.List, or from the root. */
  const n = (f: string): (string | number)[] => (list ? [list.index, f] : [f]);
  const rules = (f: PartyField): FormRule[] => [rule && isContactField(f) ? rule(f) : partyRule(path, f)];
  const form = Form.useFormInstance();
  // useWatch takes the path from the form's root, even inside a Form.List. antd types a watched value as `any`.
  const kind = (Form.useWatch([...path, 'kind'], form) as 'person' | 'org' | undefined) ?? 'person';
  const role = Form.useWatch([...path, 'role'], form) as string | undefined;
  const idType = (Form.useWatch([...path, 'idType'], form) as IdType | undefined) ?? 'resident_id';
  const org = variant === 'full' && kind === 'org';
  // A length counter near the limit instead of maxLength, which silently cuts pasted text short; the check refuses past it.
  const count = (max: number) => textLimit('', max).count;

  const idFields = (
    <>
      <Col span={variant === 'contact' ? 4 : 6}>
        <Form.Item name={n('idType')} label="证件类型" initialValue="resident_id" rules={rules('idType')}>
          <Select options={idTypeOptions} />
        </Form.Item>
      </Col>
      <Col span={variant === 'contact' ? 8 : 10}>
        <Form.Item
          name={n('idNumber')}
          label="证件号码"
          dependencies={[[...n('idType')]]}
          rules={rules('idNumber')}
          extra={variant === 'contact' ? '选填' : undefined}
        >
          <Input maxLength={30} autoComplete="off" placeholder={idType === 'resident_id' ? '居民身份证号码会自动校验' : undefined} />
        </Form.Item>
      </Col>
    </>
  );
  const nameField = (span: number) => (
    <Col span={span}>
      <Form.Item name={n('name')} label={org ? '单位名称' : '姓名'} required rules={rules('name')}>
        <Input count={count(TEXT_LIMITS.partyName)} autoComplete="off" />
      </Form.Item>
    </Col>
  );
  const phoneField = (span: number) => (
    <Col span={span}>
      <Form.Item name={n('phone')} label="联系电话" required={variant === 'contact'} rules={rules('phone')}>
        <Input maxLength={30} autoComplete="off" />
      </Form.Item>
    </Col>
  );

  if (variant === 'contact') {
    return (
      <Row gutter={12}>
        {nameField(6)}
        {phoneField(6)}
        {idFields}
      </Row>
    );
  }

  return (
    <>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={n('role')} label="身份" required rules={rules('role')}>
            <Select options={partyRoleOptions} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={n('kind')} label="类型" initialValue="person" dependencies={[[...n('role')]]} rules={rules('kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'person', label: '自然人' },
                { value: 'org', label: '单位', disabled: role === 'agent' },
              ]}
            />
          </Form.Item>
        </Col>
        {nameField(12)}
      </Row>
      {role === 'agent' && agentTargets ? (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name={n(typeof agentTargets[0]?.value === 'number' ? 'representsIndex' : 'representsId')}
              label="代理哪一方"
              // Whom an agent acts for is the service's rule (the schema cannot see the other parties): asked here too.
              rules={[{ required: true, message: '请选择被代理的当事人' }]}
            >
              <Select options={agentTargets} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={n('authority')} label="代理权限" initialValue="general">
              <Radio.Group
                options={[
                  { value: 'general', label: '一般授权' },
                  { value: 'special', label: '特别授权' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {org ? (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={n('creditCode')} label="统一社会信用代码" rules={rules('creditCode')}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={n('legalRepresentative')} label="法定代表人" rules={rules('legalRepresentative')}>
              <Input count={count(TEXT_LIMITS.shortName)} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Row gutter={12}>
          {idFields}
          <Col span={4}>
            <Form.Item name={n('sex')} label="性别">
              <Select
                allowClear
                options={[
                  { value: 'male', label: '男' },
                  { value: 'female', label: '女' },
                ]}
                placeholder="按证件"
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name={n('ethnicity')} label="民族" rules={rules('ethnicity')}>
              <Input count={count(TEXT_LIMITS.ethnicity)} placeholder="汉族" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={12}>
        {phoneField(8)}
        <Col span={16}>
          <Form.Item name={n('address')} label={org ? '住所地' : '住址'} rules={rules('address')}>
            <Input count={count(TEXT_LIMITS.address)} />
          </Form.Item>
        </Col>
      </Row>
      {org ? null : (
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name={n('birthDate')} label="出生日期" getValueProps={(v: unknown) => ({ value: v })}>
              <DatePicker style={{ width: '100%' }} placeholder="可由身份证号码带出" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name={n('occupation')} label="职业或职务" rules={rules('occupation')}>
              <Input count={count(TEXT_LIMITS.shortName)} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
