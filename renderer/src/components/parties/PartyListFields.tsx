/**
 * The parties of a new case, one card each (第 1 名, 第 2 名, …), with 添加当事人 and 删除: 登记案件
 * and the court referral. The list as a whole asks the contract too (at least one party, one of
 * them the applicant).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form } from 'antd';
import { registerCaseInput } from '../../../../electron/common/api/cases';
import { schemaErrors } from '../schemaErrors';
import { PartyFields } from './PartyFields';
import { toPartyInput, type PartyFormValues } from './partyFormValues';

/** A new party's fields before anything is typed. */
export const NEW_PARTY: Partial<PartyFormValues> = { role: 'respondent', kind: 'person', idType: 'resident_id' };
/** The two parties a new case starts with. */
export const FIRST_PARTIES: readonly Partial<PartyFormValues>[] = [{ ...NEW_PARTY, role: 'applicant' }, NEW_PARTY];

export function PartyListFields({ path }: { path: readonly (string | number)[] }) {
  const form = Form.useFormInstance();
  const parties = (Form.useWatch([...path], form) as (Partial<PartyFormValues> | undefined)[] | undefined) ?? [];
  // An agent acts for another party of the same registration, named by its place in the list.
  const targets = parties
    .map((p, i) => ({ value: i, label: `${i + 1}. ${p?.name || '（未填姓名）'}`, agent: p?.role === 'agent' }))
    .filter((t) => !t.agent)
    .map(({ value, label }) => ({ value, label }));
  return (
    <Form.List
      name={[...path]}
      rules={[
        {
          validator: async (_, list: Partial<PartyFormValues>[] | undefined) => {
            const message = schemaErrors(registerCaseInput.shape.parties, (list ?? []).map(toPartyInput))[''];
            if (message) throw new Error(message);
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              type="inner"
              size="small"
              title={`第 ${i + 1} 名`}
              style={{ marginBottom: 12 }}
              data-testid={`party-${i + 1}`}
              extra={
                fields.length > 1 ? (
                  <Button type="link" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    删除
                  </Button>
                ) : null
              }
            >
              <PartyFields list={{ path, index: field.name }} agentTargets={targets.filter((t) => t.value !== i)} />
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_PARTY })}>
            添加当事人
          </Button>
        </>
      )}
    </Form.List>
  );
}
