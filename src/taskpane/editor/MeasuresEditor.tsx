/**
 * The template's computed measures (`template.measures`): key, name, and a two-operand
 * computation (sum, difference, product, ratio, smaller, larger) of fields, earlier measures or
 * numbers, optionally rounded. Longer expressions are kept as they are and edited in the JSON view.
 */
import * as React from "react";
import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import type { Expr, Measure } from "../../engine";
import { useI18n } from "../i18n";
import { KeyInput, type SectionProps } from "./FieldsEditor";
import { ItemButtons, NumberField, TextPair, useEditorStyles } from "./inputs";
import { compact, draftFields, moveItem, removeAt, renameField, replaceAt, uniqueId } from "./template-draft";

type SimpleOp = "+" | "-" | "*" | "/" | "min" | "max";
const OPS: SimpleOp[] = ["+", "-", "*", "/", "min", "max"];
type Operand = { field: string } | number;

/** A measure's expression as `a op b`, when it has that shape. */
function simple(e: Expr): { op: SimpleOp; a: Operand; b: Operand } | undefined {
  if (typeof e !== "object" || !("args" in e) || e.args.length !== 2) return undefined;
  const op = "op" in e ? e.op : e.fn;
  const ok = (x: Expr): x is Operand => typeof x === "number" || (typeof x === "object" && "field" in x);
  if (!OPS.includes(op as SimpleOp) || !ok(e.args[0]) || !ok(e.args[1])) return undefined;
  return { op: op as SimpleOp, a: e.args[0], b: e.args[1] };
}

function build(op: SimpleOp, a: Operand, b: Operand): Expr {
  return op === "min" || op === "max" ? { fn: op, args: [a, b] } : { op, args: [a, b] };
}

function OperandInput(props: { label: string; value: Operand; options: { value: string; text: string }[]; onChange: (v: Operand) => void }) {
  const s = useEditorStyles();
  const { t } = useI18n();
  const isNum = typeof props.value === "number";
  return (
    <span className={s.row}>
      <Select aria-label={props.label} value={isNum ? "" : (props.value as { field: string }).field} onChange={(_, d) => props.onChange(d.value === "" ? 0 : { field: d.value })}>
        <option value="">{t("editor.measure.number")}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </Select>
      {isNum && <NumberField label={props.label} hideLabel required className={s.small} value={props.value as number} onChange={(v) => props.onChange(v ?? NaN)} />}
    </span>
  );
}

export function MeasuresEditor({ draft, onChange }: SectionProps): React.JSX.Element {
  const s = useEditorStyles();
  const { t, tx } = useI18n();
  const measures = draft.measures ?? [];
  const set = (list: Measure[]) => {
    const { measures: _old, ...rest } = draft;
    void _old;
    onChange(list.length ? { ...rest, measures: list } : rest);
  };
  const setM = (k: number, m: Measure) => set(replaceAt(measures, k, compact(m)));
  return (
    <div className={s.section}>
      <p className={s.hint}>{t("editor.measures.help")}</p>
      <ol className={s.list}>
        {measures.map((m, k) => {
          const name = tx(m.label) || m.key || t("editor.measure.n", { n: k + 1 });
          const shape = simple(m.expr);
          // Fields and the measures before this one.
          const options = draftFields({ ...draft, measures: measures.slice(0, k) })
            .filter((f) => f.type === "number")
            .map((f) => ({ value: f.key, text: tx(f.label) || f.key }));
          return (
            <li key={k} className={s.item} data-editor-measure={k}>
              <div className={s.itemHeader}>
                <h4 className={s.itemTitle}>{t("editor.measure.n", { n: k + 1 })}</h4>
                <ItemButtons name={name} index={k} count={measures.length} onMove={(d) => set(moveItem(measures, k, d))} onRemove={() => set(removeAt(measures, k))} />
              </div>
              <KeyInput
                label={t("editor.measure.key")}
                hint={t("editor.keyHint")}
                value={m.key}
                onChange={(v) => setM(k, { ...m, key: v })}
                onRename={(from, to) => {
                  if (!measures.some((x) => x.key === from)) onChange(renameField(draft, from, to));
                }}
              />
              <TextPair label={t("editor.measure.label")} value={m.label} onChange={(v) => setM(k, { ...m, label: v })} required />
              {shape ? (
                <div className={s.row}>
                  <Field label={t("editor.measure.op")}>
                    <Select value={shape.op} onChange={(_, d) => setM(k, { ...m, expr: build(d.value as SimpleOp, shape.a, shape.b) })}>
                      {OPS.map((o) => (
                        <option key={o} value={o}>
                          {t(`editor.measure.op.${o}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <OperandInput label={t("editor.measure.a", { name })} value={shape.a} options={options} onChange={(a) => setM(k, { ...m, expr: build(shape.op, a, shape.b) })} />
                  <OperandInput label={t("editor.measure.b", { name })} value={shape.b} options={options} onChange={(b) => setM(k, { ...m, expr: build(shape.op, shape.a, b) })} />
                </div>
              ) : (
                <Text size={200} className={s.hint}>
                  {t("editor.measure.complex")} <Input readOnly size="small" value={JSON.stringify(m.expr)} aria-label={t("editor.measure.op")} />
                </Text>
              )}
              <NumberField className={s.small} label={t("editor.measure.round")} value={m.round} onChange={(v) => setM(k, { ...m, round: v })} />
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          size="small"
          onClick={() => {
            const taken = draftFields(draft).map((f) => f.key);
            const key = uniqueId(`measure${measures.length + 1}`, taken).replace(/-/g, "");
            const nums = draft.fields.filter((f) => f.type === "number").map((f) => f.key);
            const a: Operand = nums[0] !== undefined ? { field: nums[0] } : 0;
            const b: Operand = nums[1] !== undefined ? { field: nums[1] } : 1;
            set([...measures, { key, label: { en: key, zh: key }, expr: build("/", a, b) }]);
          }}
        >
          {t("editor.measure.add")}
        </Button>
      </div>
    </div>
  );
}
