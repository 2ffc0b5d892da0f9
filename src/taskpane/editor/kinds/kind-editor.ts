/** What every kind's editor component gets (the draft, its model, a setter) and the choices they share. */
import type * as React from "react";
import type { CmpOp, Model, ModelOf, Template } from "../../../engine";
import { useI18n, type MessageKey } from "../../i18n";
import { draftFields } from "../template-draft";

/** Props of a kind's editor: the draft (for its fields, grades, params) and the model of that kind. */
export interface KindEditorProps<K extends Model["kind"]> {
  draft: Template;
  model: ModelOf<K>;
  onChange: (m: Model) => void;
}

/** A kind's editor component (registered in `kinds/index.ts`). */
export type KindEditorComponent<K extends Model["kind"]> = (props: KindEditorProps<K>) => React.JSX.Element;

/** Catalogue keys of the comparison operators. */
export const OP_TEXT: Record<CmpOp, MessageKey> = { ">=": "cond.op.ge", ">": "cond.op.gt", "<=": "cond.op.le", "<": "cond.op.lt", "=": "cond.op.eq", "!=": "cond.op.ne" };

/** The draft's fields (optionally of some types) and grades as select options. */
export function useOptions(draft: Template): { fieldOptions: (...types: string[]) => { value: string; text: string }[]; gradeOptions: { value: string; text: string }[] } {
  const { tx } = useI18n();
  const fieldOptions = (...types: string[]) =>
    draftFields(draft).filter((f) => !types.length || types.includes(f.type)).map((f) => ({ value: f.key, text: tx(f.label) || f.key }));
  const gradeOptions = draft.grades.map((g) => ({ value: g.id, text: tx(g.label) && tx(g.label) !== g.id ? `${g.id} · ${tx(g.label)}` : g.id }));
  return { fieldOptions, gradeOptions };
}
