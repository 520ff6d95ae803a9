/** 新增/修改调解员: the roster entry of a resident mediator, an invited mediator or organisation. */
import { Col, Form, Input, Modal, Row, Select } from 'antd';
import { MEDIATOR_KIND_LABELS, MEDIATOR_KINDS, type MediatorKind, type MediatorView } from '../../../../electron/common/api/mediators';
import { optionalText, requiredText } from '../../../../electron/common/api/fields';
import { validatePhone, validateResidentId } from '../../../../electron/common/domain/identity';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiMutation } from '../../components/useApiMutation';
import { zodRule } from '../../components/zodRule';
import { categoryOptions } from '../court/format';

interface Values {
  name: string;
  kind: MediatorKind;
  organisation?: string;
  phone?: string;
  idNumber?: string;
  specialties: string[];
  certificateNo?: string;
  region?: string;
}

const REFRESH = ['mediators.list', 'roster.performance', 'roster.candidates'] as const;

const check = (fn: (v: string) => { ok: boolean; message?: string }) => ({
  validator: async (_: unknown, v: unknown) => {
    if (typeof v !== 'string' || v.trim() === '') return;
    const r = fn(v.trim());
    if (!r.ok) throw new Error(r.message ?? '格式不正确');
  },
});

/** `editing`: the entry to change; null with `open` adds a new one. */
export function MediatorModal({ open, editing, onClose }: { open: boolean; editing: MediatorView | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useApiMutation('mediators.create', {
    form,
    rename: {},
    showError: 'inline',
    invalidates: REFRESH,
    success: (m) => `名册已新增：${m.name}`,
    onSuccess: onClose,
  });
  const update = useApiMutation('mediators.update', {
    form,
    rename: Object.fromEntries(
      ['name', 'kind', 'organisation', 'phone', 'idNumber', 'specialties', 'certificateNo', 'region'].map((k) => [`mediator.${k}`, k]),
    ),
    showError: 'inline',
    invalidates: REFRESH,
    success: (m) => `已修改：${m.name}`,
    onSuccess: onClose,
  });
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  return (
    <Modal
      title={editing ? `修改调解员：${editing.name}` : '新增调解员'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? '保存' : '新增'}
      okButtonProps={{ loading: pending }}
      destroyOnHidden
      afterClose={() => (create.reset(), update.reset())}
      width={720}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        aria-label="调解员信息"
        initialValues={
          editing
            ? {
                name: editing.name,
                kind: editing.kind,
                organisation: editing.organisation,
                phone: editing.phone,
                specialties: editing.specialties,
                certificateNo: editing.certificateNo,
                region: editing.region,
              }
            : { kind: 'invited', specialties: [] }
        }
        onFinish={(v) => {
          const mediator = { ...v, specialties: (v.specialties ?? []) as never };
          if (editing) update.mutate({ id: editing.id, version: editing.version, mediator });
          else create.mutate(mediator);
        }}
        style={{ marginTop: 12 }}
      >
        <ErrorAlert error={error} />
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="姓名或名称" required rules={[zodRule(requiredText('姓名或名称', 100))]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={MEDIATOR_KINDS.map((k) => ({ value: k, label: MEDIATOR_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="organisation" label="所在单位" rules={[zodRule(optionalText('所在单位', 100))]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="region" label="所在区域" rules={[zodRule(optionalText('所在区域', 100))]}>
              <Input placeholder="如：王村镇" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label="联系电话" rules={[check(validatePhone)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="idNumber"
              label="身份证号码"
              rules={[check((v) => validateResidentId(v, today()))]}
              extra={editing ? '已登记的号码不显示；留空则保持不变，填写即替换' : '用于回避审查'}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="certificateNo" label="资格证书编号" rules={[zodRule(optionalText('资格证书编号', 50))]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="specialties" label="擅长纠纷类型">
              <Select
                mode="multiple"
                options={categoryOptions}
                placeholder="可选多项"
                showSearch={{ optionFilterProp: 'label' }}
                aria-label="擅长纠纷类型"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
