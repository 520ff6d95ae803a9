/**
 * Choosing a mediator from the roster: active members only, those who list the dispute's category
 * among their specialties first (and, by default, only those), the least busy first, with their
 * open-case count; one who must recuse is shown but cannot be picked.
 */
import { Checkbox, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MediatorCandidate } from '../../../../electron/common/api/court';
import { MEDIATOR_KIND_LABELS } from '../../../../electron/common/api/mediators';
import { useApiQuery } from '../../components/useApiQuery';
import { categoryLabel } from './format';

export interface MediatorPickerProps {
  /** The dispute's category: mediators with this specialty come first. */
  specialty?: string | undefined;
  /** The case, when it exists: recusal is checked against its parties. */
  caseId?: string | undefined;
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  id?: string;
}

export function MediatorPicker({ specialty, caseId, value, onChange, id }: MediatorPickerProps) {
  const [onlySpecialty, setOnlySpecialty] = useState(true);
  const candidates = useApiQuery('roster.candidates', { ...(specialty ? { specialty } : {}), ...(caseId ? { caseId } : {}) });
  const all = candidates.data ?? [];
  const shown = specialty && onlySpecialty ? all.filter((m) => m.matchesSpecialty || m.id === value) : all;
  return (
    <Flex vertical gap={6}>
      <Select<string>
        id={id}
        value={value ?? undefined}
        onChange={(v) => onChange?.(v)}
        allowClear
        showSearch={{ optionFilterProp: 'title' }}
        loading={candidates.isPending}
        placeholder={shown.length === 0 && !candidates.isPending ? '没有符合条件的在册调解员' : '从名册中选择调解员'}
        notFoundContent={
          specialty && onlySpecialty ? `名册中没有擅长“${categoryLabel(specialty)}”纠纷的在册调解员` : '名册中没有在册调解员'
        }
        options={shown.map((m) => ({ value: m.id, title: m.name, label: m.name, disabled: !!m.recusal, m }))}
        optionRender={(o) => <CandidateLine m={(o.data as { m: MediatorCandidate }).m} specialty={specialty} />}
        style={{ width: '100%' }}
      />
      {specialty ? (
        <Checkbox checked={onlySpecialty} onChange={(e) => setOnlySpecialty(e.target.checked)}>
          只看擅长“{categoryLabel(specialty)}”纠纷的调解员
        </Checkbox>
      ) : null}
    </Flex>
  );
}

function CandidateLine({ m, specialty }: { m: MediatorCandidate; specialty?: string | undefined }) {
  return (
    <Flex justify="space-between" align="center" gap={8} data-testid="mediator-candidate">
      <span>
        <Typography.Text strong>{m.name}</Typography.Text>
        <Typography.Text type="secondary">
          {' '}
          {MEDIATOR_KIND_LABELS[m.kind]}
          {m.organisation ? ` · ${m.organisation}` : ''}
        </Typography.Text>
        {m.recusal ? (
          <Typography.Text type="danger" style={{ display: 'block', fontSize: 13 }}>
            {m.recusal}
          </Typography.Text>
        ) : null}
      </span>
      <span style={{ whiteSpace: 'nowrap' }}>
        {specialty && m.matchesSpecialty ? <Tag color="blue">擅长{categoryLabel(specialty)}</Tag> : null}
        <Tag color={m.openCases === 0 ? 'success' : m.openCases >= 10 ? 'warning' : 'default'}>在办 {m.openCases} 件</Tag>
      </span>
    </Flex>
  );
}
