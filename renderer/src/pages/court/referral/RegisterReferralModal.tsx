/**
 * 登记委派/委托案件: the court's data (court, reference number, mode, procedure, dates, who to report
 * to), the case (title, category, facts, parties) and the mediator the parties chose from the
 * roster or the one assigned. The sections are their own components; referralValues.ts maps the
 * form to the operation's input and the server's field paths back to the form.
 */
import { Divider, Form, Modal } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiMutation } from '../../../components/useApiMutation';
import { CourtTermsFields } from './CourtTermsFields';
import { ReferralCaseFields } from './ReferralCaseFields';
import { ReferralMediatorFields } from './ReferralMediatorFields';
import { initialReferralValues, referralField, toReferralInput, type ReferralValues } from './referralValues';

export function RegisterReferralModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (caseId: string) => void }) {
  const [form] = Form.useForm<ReferralValues>();
  const register = useApiMutation('court.registerReferral', {
    form,
    rename: referralField,
    showError: 'inline',
    invalidates: ['court.referrals', 'roster.candidates', 'mediators.list', 'supervision.list'],
    success: (r) => `已登记 ${r.caseNumber}（${r.referenceNumber}）`,
    onSuccess: (r) => onDone(r.caseId),
  });

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
      <Form<ReferralValues>
        form={form}
        layout="vertical"
        name="referral"
        aria-label="登记委派/委托案件"
        clearOnDestroy
        scrollToFirstError
        initialValues={initialReferralValues()}
        onFinish={(v) => register.mutate(toReferralInput(v))}
        style={{ marginTop: 12 }}
      >
        <ErrorAlert error={register.error} />
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          法院信息
        </Divider>
        <CourtTermsFields />
        <ReferralCaseFields />
        <ReferralMediatorFields />
      </Form>
    </Modal>
  );
}
