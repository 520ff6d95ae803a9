/**
 * The agreement's terms (人民调解法 Art. 29) or the record of undisputed facts, edited as
 * structured lists — one line per term or fact — for the documents to print.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CaseDetail } from '../../../../electron/common/api/cases';
import { undisputedPartiesProblem } from '../../../../electron/common/domain/agreement';
import { useDraft } from '../../components/useDraft';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { textLimit } from '../../components/textLimit';
import { useCaseMutation } from './useCaseMutation';
import { usePinnedVersion } from './usePinnedVersion';
import { AgreementFields, agreementFieldValues, agreementFromForm, type AgreementFieldValues } from './AgreementFields';

/** Limits as the contract has them (common/api/limits.ts): counted, refused before saving, never cut. */
const LIMIT = {
  line: textLimit('每一条', TEXT_LIMITS.mediumText),
  place: textLimit('地点', TEXT_LIMITS.place),
  failureReason: textLimit('调解经过及未能达成协议的原因', TEXT_LIMITS.mediumText),
};

function LinesField({ name, label, addLabel }: { name: string; label: string; addLabel: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{label}</Typography.Text>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
              <span style={{ width: 28, display: 'inline-block', paddingTop: 5 }}>{i + 1}.</span>
              <Form.Item
                name={f.name}
                rules={[{ required: true, whitespace: true, message: '不能为空，或点右侧删除' }, LIMIT.line.rule]}
                style={{ marginBottom: 0, width: 640 }}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} count={LIMIT.line.count} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(f.name)} style={{ paddingTop: 8 }} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ marginTop: 8 }}>
            {addLabel}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

export function AgreementCard({ detail }: { detail: CaseDetail }) {
  const [form] = Form.useForm();
  const draft = useDraft(`agreement:${detail.id}`, form);
  // Saved against the version the typing started from: a concurrent change elsewhere is refused, not overwritten.
  const version = usePinnedVersion(detail.version);
  const saved = () => {
    draft.clear();
    version.release();
  };
  const save = useCaseMutation('cases.setAgreement', detail.id, { form, success: '已保存协议内容', onDone: saved });
  const terms = detail.agreement?.terms;
  return (
    <Card size="small" title="调解协议内容" style={{ marginBottom: 16 }} data-testid="agreement-card">
      <Form
        form={form}
        name="agreement"
        onValuesChange={() => version.pin()}
        layout="vertical"
        initialValues={{ ...agreementFieldValues(detail), terms: terms?.length ? terms : [''] }}
        onFinish={(v: AgreementFieldValues & { terms: string[] }) =>
          save.mutate({
            id: detail.id,
            version: version.get(),
            ...agreementFromForm(v, v.terms.map((t) => t.trim()).filter(Boolean), v.performancePlace ?? ''),
          })
        }
      >
        <AgreementFields withPlace terms={<LinesField name="terms" label="协议条款" addLabel="添加一条" />} />
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存协议内容
        </Button>
      </Form>
    </Card>
  );
}

export function UndisputedCard({ detail }: { detail: CaseDetail }) {
  const [form] = Form.useForm();
  const draft = useDraft(`undisputed:${detail.id}`, form);
  const version = usePinnedVersion(detail.version);
  const saved = () => {
    draft.clear();
    version.release();
  };
  const save = useCaseMutation('cases.setUndisputed', detail.id, { form, success: '已保存无争议事实记载', onDone: saved });
  const u = detail.undisputed;
  // Said where the record is started, while 添加当事人 is still at hand (the save is refused too).
  const partiesProblem = undisputedPartiesProblem(detail.parties.filter((p) => p.role !== 'agent').length);
  return (
    <Card size="small" title="无争议事实记载" style={{ marginBottom: 16 }} data-testid="undisputed-card">
      <Typography.Paragraph type="secondary">
        只记载调解中各方没有争议的事实；当事人为达成调解作出的让步不得作为事实记载（特邀调解规定第22条）。
      </Typography.Paragraph>
      {partiesProblem ? (
        <Alert type="warning" showIcon data-testid="undisputed-parties" title={partiesProblem} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        name="undisputed"
        onValuesChange={() => version.pin()}
        layout="vertical"
        initialValues={{
          consent: u?.consent ?? false,
          facts: u?.facts?.length ? u.facts : [''],
          disputedPoints: u?.disputedPoints?.length ? u.disputedPoints : [''],
          failureReason: u?.failureReason ?? detail.outcomeNote ?? '',
          place: u?.place ?? '',
          // The day the facts were recorded with the parties, printed on every reprint; empty: the day it is saved.
          recordedOn: u?.recordedOn ? dayjs(u.recordedOn) : null,
        }}
        onFinish={(v: Record<string, unknown>) =>
          save.mutate({
            id: detail.id,
            version: version.get(),
            undisputed: {
              consent: v.consent as boolean,
              facts: (v.facts as string[]).map((t) => t.trim()).filter(Boolean),
              disputedPoints: (v.disputedPoints as string[]).map((t) => t.trim()).filter(Boolean),
              failureReason: (v.failureReason as string) ?? '',
              place: (v.place as string) || undefined,
              recordedOn: v.recordedOn ? (v.recordedOn as dayjs.Dayjs).format('YYYY-MM-DD') : undefined,
            },
          })
        }
      >
        <Form.Item name="consent" valuePropName="checked">
          <Checkbox>各方当事人同意记载无争议事实</Checkbox>
        </Form.Item>
        <LinesField name="facts" label="无争议事实" addLabel="添加一项事实" />
        <LinesField name="disputedPoints" label="仍有争议的事项" addLabel="添加一项争议" />
        <Form.Item name="failureReason" label="调解经过及未能达成协议的原因" rules={[LIMIT.failureReason.rule]}>
          <Input.TextArea rows={3} count={LIMIT.failureReason.count} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="recordedOn" label="记载日期（与当事人记载事实之日）">
            <DatePicker />
          </Form.Item>
          <Form.Item name="place" label="记载地点" rules={[LIMIT.place.rule]}>
            <Input count={LIMIT.place.count} style={{ width: 300 }} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
