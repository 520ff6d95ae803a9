/** 调解员 of a referral: the one the parties chose from the roster, or the one assigned (特邀调解规定); may be left for later. */
import { Col, Divider, Form, Radio, Row } from 'antd';
import { CHOSEN_BY_LABELS } from '../../../../../electron/common/api/court';
import { MediatorPicker } from '../MediatorPicker';
import type { ReferralValues } from './referralValues';

export function ReferralMediatorFields() {
  const form = Form.useFormInstance<ReferralValues>();
  const category = Form.useWatch(['case', 'category'], form);
  return (
    <>
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
            <Radio.Group options={(['parties', 'assigned'] as const).map((c) => ({ value: c, label: CHOSEN_BY_LABELS[c] }))} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
