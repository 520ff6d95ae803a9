/**
 * 登记案件: the dispute, its source (with the reporter for reported cases) and its parties.
 * Before saving, the parties are checked against open cases: a returning party is shown with a
 * link to the open case, and the user confirms before a second case is registered.
 */
import { Alert, Button, Card, Col, Form, Input, List, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { RegisterCaseInput, RepeatMatch } from '../../../../electron/common/api/cases';
import { requiredReporterFields, type SourceCode } from '../../../../electron/common/domain/sources';
import { errorMessage } from '../../components/apiErrors';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { fenOfYuan, yuanRule } from '../../components/yuanField';
import { useDraft } from '../../components/useDraft';
import { callOp } from '../../components/useApiQuery';
import { categoryOptions, sourceOptions, tierOptions } from './labels';
import { FIRST_PARTIES, PartyListFields } from '../../components/parties/PartyListFields';
import { toPartyInput, type PartyFormValues } from '../../components/parties/partyFormValues';
import { TEXT_LIMITS } from '../../../../electron/common/api/limits';
import { textLimit } from '../../components/textLimit';

const LIMIT = {
  title: textLimit('纠纷简述', TEXT_LIMITS.title),
  summary: textLimit('事实经过', TEXT_LIMITS.longText),
  claims: textLimit('争议事项', TEXT_LIMITS.mediumText),
};

interface FormValues extends Omit<RegisterCaseInput, 'parties' | 'amountFen'> {
  parties: PartyFormValues[];
  /** 涉及金额 as typed, in yuan */
  amountYuan?: string;
}

export function RegisterCasePage() {
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const source = Form.useWatch('source', form) as SourceCode | undefined;
  const [repeats, setRepeats] = useState<RepeatMatch[] | null>(null);
  const [checking, setChecking] = useState(false);
  const draft = useDraft('cases.register', form);
  const register = useApiMutation('cases.register', {
    form,
    rename: { amountFen: 'amountYuan' },
    invalidates: ['cases.list', 'cases.desk'],
    success: (c) => `已登记，案号 ${c.caseNumber}`,
    onSuccess: (c) => {
      draft.clear();
      void navigate(`/cases/${c.id}`);
    },
  });
  const reporterNeeds = source ? requiredReporterFields(source) : [];

  const toInput = ({ amountYuan, ...v }: FormValues): RegisterCaseInput => ({
    ...v,
    amountFen: fenOfYuan(amountYuan),
    parties: (v.parties ?? []).map(toPartyInput),
  });

  const submit = async () => {
    const values = await form.validateFields();
    const input = toInput(values);
    if (repeats === null) {
      setChecking(true);
      try {
        const found = await callOp('cases.checkRepeat', {
          parties: input.parties.map((p) => ({ name: p.name, idNumber: p.idNumber ?? undefined, phone: p.phone ?? undefined })),
        });
        if (found.length > 0) {
          setRepeats(found);
          return; // shown above the button; the user confirms with a second click
        }
      } catch (e) {
        setRepeats(null);
        throw new Error(errorMessage(e), { cause: e });
      } finally {
        setChecking(false);
      }
    }
    register.mutate(input);
  };

  return (
    <>
      <PageHeader title="登记案件" subtitle="案号在保存时自动生成，按年度连续编号。带 * 的为必填项。" />
      <Form<FormValues>
        form={form}
        name="register"
        layout="vertical"
        initialValues={{
          source: 'walk_in',
          tier: 'village',
          parties: FIRST_PARTIES,
        }}
        onValuesChange={(changed) => {
          if ('parties' in changed) setRepeats(null); // parties changed: check again before saving
        }}
        scrollToFirstError
      >
        <Card title="纠纷情况" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="title"
                label="纠纷简述"
                rules={[{ required: true, whitespace: true, message: '请填写纠纷简述' }, LIMIT.title.rule]}
              >
                <Input count={LIMIT.title.count} placeholder="例如：宅基地边界纠纷" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="category" label="纠纷类别" rules={[{ required: true, message: '请选择纠纷类别' }]}>
                <Select options={categoryOptions} showSearch optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="source" label="案件来源" rules={[{ required: true, message: '请选择来源' }]}>
                <Select options={sourceOptions} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="tier" label="受理层级" rules={[{ required: true, message: '请选择层级' }]}>
                <Select options={tierOptions} />
              </Form.Item>
            </Col>
          </Row>
          {reporterNeeds.length > 0 ? (
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item
                  name={['reporter', 'name']}
                  label="上报人 / 转办单位"
                  rules={reporterNeeds.includes('reporterName') ? [{ required: true, message: '请填写上报人' }] : []}
                >
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name={['reporter', 'grid']}
                  label="所在网格"
                  rules={reporterNeeds.includes('reporterGrid') ? [{ required: true, message: '请填写网格' }] : []}
                >
                  <Input maxLength={100} placeholder="如：王村镇第3网格" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name={['reporter', 'reference']}
                  label="转办文号"
                  rules={reporterNeeds.includes('petitionReference') ? [{ required: true, message: '请填写转办文号' }] : []}
                >
                  <Input maxLength={100} placeholder="如：牧信转〔2026〕12号" />
                </Form.Item>
              </Col>
            </Row>
          ) : null}
          <Form.Item name="summary" label="事实经过" rules={[LIMIT.summary.rule]}>
            <Input.TextArea rows={4} count={LIMIT.summary.count} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item name="claims" label="争议事项 / 申请人请求" rules={[LIMIT.claims.rule]}>
                <Input.TextArea rows={2} count={LIMIT.claims.count} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="amountYuan" label="涉及金额（元）" rules={[yuanRule]}>
                <Input maxLength={20} placeholder="如 5000 或 1,234.50" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="当事人" size="small" style={{ marginBottom: 16 }}>
          <PartyListFields path={['parties']} />
        </Card>

        {repeats && repeats.length > 0 ? (
          <Alert
            data-testid="repeat-warning"
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="可能是重复纠纷：以下当事人已有在办案件"
            description={
              <List
                size="small"
                dataSource={repeats}
                renderItem={(r) => (
                  <List.Item>
                    <Link to={`/cases/${r.caseId}`} target="_blank">
                      {r.caseNumber}
                    </Link>
                    &nbsp;{r.title}（{r.reason}）
                  </List.Item>
                )}
              />
            }
          />
        ) : null}
        <Space>
          <Button type="primary" size="large" loading={checking || register.isPending} onClick={() => submit().catch(() => undefined)}>
            {repeats && repeats.length > 0 ? '确认不是重复纠纷，仍然登记' : '保存登记'}
          </Button>
          <Button size="large" onClick={() => navigate('/cases')}>
            取消
          </Button>
          <Typography.Text type="secondary">保存后可继续添加当事人、指派调解员。</Typography.Text>
        </Space>
      </Form>
    </>
  );
}
