/**
 * Order lines (`template.orders`): the data are one row per order, aggregated per customer before
 * grading. The customer key column's header names, and per template field an aggregate (count,
 * sum, mean, min, max, distinct, first, last, days since the first/last date) of an order-line
 * column.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, Select } from "@fluentui/react-components";
import { ORDER_FNS, type OrderFn, type OrderMeasure, type Orders } from "../../engine";
import { useI18n, type MessageKey } from "../i18n";
import type { SectionProps } from "./FieldsEditor";
import { ItemButtons, useEditorStyles } from "./inputs";
import { draftFields, removeAt, replaceAt } from "./template-draft";

const names = (text: string) =>
  text
    .split(/[,，]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Header names typed as text ("客户, customer"): the text is kept as typed, the names follow it. */
function NamesInput(props: { value: readonly string[]; onChange: (names: string[]) => void }): React.JSX.Element {
  const [text, setText] = React.useState(props.value.join(", "));
  // a change from elsewhere (another section, the JSON view) replaces the text
  React.useEffect(() => {
    setText((cur) => (names(cur).join("\u0000") === props.value.join("\u0000") ? cur : props.value.join(", ")));
  }, [props.value]);
  return (
    <Input
      value={text}
      onChange={(_, d) => {
        setText(d.value);
        props.onChange(names(d.value));
      }}
    />
  );
}

export function OrdersEditor({ draft, onChange }: SectionProps): React.JSX.Element {
  const s = useEditorStyles();
  const { t, tx } = useI18n();
  const orders = draft.orders;
  const set = (o: Orders | undefined) => {
    const { orders: _old, ...rest } = draft;
    void _old;
    onChange(o ? { ...rest, orders: o } : rest);
  };
  const fields = draftFields(draft).filter((f) => f.type === "number");
  const setM = (k: number, m: OrderMeasure) => set({ ...orders!, measures: replaceAt(orders!.measures, k, m) });
  return (
    <div className={s.section}>
      <p className={s.hint}>{t("editor.orders.help")}</p>
      <Checkbox
        label={t("editor.orders.on")}
        checked={orders !== undefined}
        onChange={(_, d) => set(d.checked ? { key: ["customer"], measures: fields[0] ? [{ field: fields[0].key, fn: "count" }] : [] } : undefined)}
      />
      {orders && (
        <>
          <Field label={t("editor.orders.key")} hint={t("editor.orders.namesHint")} required>
            <NamesInput value={orders.key} onChange={(key) => set({ ...orders, key })} />
          </Field>
          <ol className={s.list}>
            {orders.measures.map((m, k) => {
              const name = t("editor.orders.n", { n: k + 1 });
              return (
                <li key={k} className={s.item}>
                  <Field label={t("editor.orders.field", { name })}>
                    <Select value={m.field} onChange={(_, d) => setM(k, { ...m, field: d.value })}>
                      {fields.map((f) => (
                        <option key={f.key} value={f.key}>
                          {tx(f.label) || f.key}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t("editor.orders.fn", { name })}>
                    <Select
                      value={m.fn}
                      onChange={(_, d) => {
                        const fn = d.value as OrderFn;
                        setM(k, fn === "count" ? { field: m.field, fn } : { field: m.field, fn, from: m.from ?? [] });
                      }}
                    >
                      {ORDER_FNS.map((fn) => (
                        <option key={fn} value={fn}>
                          {t(`editor.orders.fn.${fn}` as MessageKey)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {m.fn !== "count" && (
                    <Field label={t("editor.orders.from", { name })} hint={t("editor.orders.namesHint")} required>
                      <NamesInput value={m.from ?? []} onChange={(from) => setM(k, { ...m, from })} />
                    </Field>
                  )}
                  <ItemButtons name={name} index={k} count={orders.measures.length} onRemove={() => set({ ...orders, measures: removeAt(orders.measures, k) })} />
                </li>
              );
            })}
          </ol>
          <Button size="small" disabled={fields.length === 0} onClick={() => set({ ...orders, measures: [...orders.measures, { field: fields[0].key, fn: "sum", from: [] }] })}>
            {t("editor.orders.add")}
          </Button>
        </>
      )}
    </div>
  );
}
