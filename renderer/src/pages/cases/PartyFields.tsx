/**
 * The fields of one party (person or organisation, or an agent), used by registration and by the
 * case page's add/edit dialog. `name` is the Form.List path prefix (e.g. ['parties', 0]) or [].
 */
import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { validateCreditCode, validateIdNumber, validatePhone, type IdType } from '../../../../electron/common/domain/identity';
import { idTypeOptions, partyRoleOptions } from './labels';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { today } from '../../components/dates';
import { textLimit } from '../../components/textLimit';

const LIMIT = {
  name: textLimit('姓名或名称', TEXT_LIMITS.partyName),
  ethnicity: textLimit('民族', TEXT_LIMITS.ethnicity),
  legalRepresentative: textLimit('法定代表人', TEXT_LIMITS.shortName),
  address: textLimit('住址', TEXT_LIMITS.address),
  occupation: textLimit('职业或职务', TEXT_LIMITS.shortName),
};

const check = (fn: (v: string) => { ok: true } | { ok: false; message: string }) => ({
  validator: async (_r: unknown, v: unknown) => {
    if (typeof v !== 'string' || !v.trim()) return;
    const res = fn(v);
    if (!res.ok) throw new Error(res.message);
  },
});

export function PartyFields({
  prefix,
  agentTargets,
}: {
  prefix: (string | number)[];
  agentTargets?: { value: number | string; label: string }[];
}) {
  const p = (n: string): (string | number)[] => [...prefix, n];
  const form = Form.useFormInstance();
  // antd types a watched value as `any`: say what these fields hold.
  const kind = (Form.useWatch(p('kind'), form) as 'person' | 'org' | undefined) ?? 'person';
  const role = Form.useWatch(p('role'), form) as string | undefined;
  const idType = (Form.useWatch(p('idType'), form) ?? 'resident_id') as IdType;
  return (
    <>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={p('role')} label="身份" rules={[{ required: true, message: '请选择身份' }]}>
            <Select options={partyRoleOptions} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={p('kind')} label="类型" initialValue="person">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'person', label: '自然人' },
                { value: 'org', label: '单位', disabled: role === 'agent' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={p('name')}
            label={kind === 'org' ? '单位名称' : '姓名'}
            rules={[{ required: true, whitespace: true, message: kind === 'org' ? '请填写单位名称' : '请填写姓名' }, LIMIT.name.rule]}
          >
            <Input count={LIMIT.name.count} />
          </Form.Item>
        </Col>
      </Row>
      {role === 'agent' && agentTargets ? (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name={p(typeof agentTargets[0]?.value === 'number' ? 'representsIndex' : 'representsId')}
              label="代理哪一方"
              rules={[{ required: true, message: '请选择被代理的当事人' }]}
            >
              <Select options={agentTargets} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={p('authority')} label="代理权限" initialValue="general">
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
      {kind === 'person' ? (
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name={p('idType')} label="证件类型" initialValue="resident_id">
              <Select options={idTypeOptions} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name={p('idNumber')} label="证件号码" rules={[check((v) => validateIdNumber(idType, v, today()))]}>
              <Input maxLength={30} placeholder="居民身份证号码会自动校验" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name={p('sex')} label="性别">
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
            <Form.Item name={p('ethnicity')} label="民族" rules={[LIMIT.ethnicity.rule]}>
              <Input count={LIMIT.ethnicity.count} placeholder="汉族" />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={p('creditCode')} label="统一社会信用代码" rules={[check(validateCreditCode)]}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={p('legalRepresentative')} label="法定代表人" rules={[LIMIT.legalRepresentative.rule]}>
              <Input count={LIMIT.legalRepresentative.count} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={p('phone')} label="联系电话" rules={[check(validatePhone)]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name={p('address')} label={kind === 'org' ? '住所地' : '住址'} rules={[LIMIT.address.rule]}>
            <Input count={LIMIT.address.count} />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'person' ? (
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name={p('birthDate')} label="出生日期" getValueProps={(v: unknown) => ({ value: v })}>
              <DatePicker style={{ width: '100%' }} placeholder="可由身份证号码带出" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name={p('occupation')} label="职业或职务" rules={[LIMIT.occupation.rule]}>
              <Input count={LIMIT.occupation.count} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </>
  );
}
