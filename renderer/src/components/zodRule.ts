/**
 * Use the contract's own zod field schemas as antd Form rules, so a form checks exactly what the
 * server will check, with the same Chinese messages.
 */
import type { FormRule } from 'antd';
import type { z } from 'zod';

export const zodRule = (schema: z.ZodType): FormRule => ({
  validator: async (_rule, value: unknown) => {
    const result = schema.safeParse(value === null ? undefined : value);
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入有误');
  },
});
