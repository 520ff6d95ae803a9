/** 案件信息 and 当事人 of a referral: what `cases.register` asks of a case, the parties in the one party form. */
import { Col, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { requiredText } from '../../../../../electron/common/api/fields';
import { PartyListFields } from '../../../components/parties/PartyListFields';
import { zodRule } from '../../../components/zodRule';
import { categoryOptions } from '../format';

export function ReferralCaseFields() {
  return (
    <>
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
      <PartyListFields path={['case', 'parties']} />
    </>
  );
}
