/**
 * Small form controls of the template editor: a bilingual text pair, number inputs that keep what
 * is typed (an unreadable number becomes NaN in the draft, so the checker reports it with its
 * path), a number-or-parameter input, and the move/remove buttons of list items.
 */
import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { parseNumber, type Field as TemplateField, type Num, type Param, type PopStat, type Text } from "../../engine";
import { useI18n } from "../i18n";

export const useEditorStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "10px" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  itemHeader: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px", justifyContent: "space-between" },
  itemTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  pair: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: "6px" },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "90px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: "4px" },
  hint: { color: tokens.colorNeutralForeground2 },
  small: { minWidth: "70px", maxWidth: "120px" },
});

/** English + Chinese inputs for one bilingual text. */
export function TextPair(props: { label: string; value: Text | undefined; onChange: (v: Text) => void; required?: boolean }): React.JSX.Element {
  const s = useEditorStyles();
  const { t } = useI18n();
  const v = props.value ?? { en: "", zh: "" };
  return (
    <div className={s.pair}>
      <Field label={t("editor.inEnglish", { label: props.label })} required={props.required}>
        <Input value={v.en} maxLength={4000} onChange={(_, d) => props.onChange({ ...v, en: d.value })} />
      </Field>
      <Field label={t("editor.inChinese", { label: props.label })} required={props.required}>
        <Input value={v.zh} maxLength={4000} lang="zh-CN" onChange={(_, d) => props.onChange({ ...v, zh: d.value })} />
      </Field>
    </div>
  );
}

const show = (v: number | undefined): string => (v === undefined || Number.isNaN(v) ? "" : String(v));

/** Text state that follows `value` unless what is typed already means it. */
function useNumberText(value: number | undefined, display: (v: number | undefined) => string, read: (text: string) => number | undefined) {
  const [text, setText] = React.useState(() => display(value));
  React.useEffect(() => {
    setText((cur) => (Object.is(read(cur), value) ? cur : display(value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new `value` resets the text; `display`/`read` are new functions on every render
  }, [value]);
  return [text, setText] as const;
}

/** Reads a typed number: blank -> undefined (or NaN when required), unreadable -> NaN. */
export function readNumber(text: string, required: boolean): number | undefined {
  if (text.trim() === "") return required ? NaN : undefined;
  const r = parseNumber(text);
  return r.ok ? r.value : NaN;
}

export interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  /** Blank is NaN (an error the checker shows) instead of "not set". */
  required?: boolean;
  hint?: string;
  /** Shown as a percentage: 0.3 <-> "30". */
  percent?: boolean;
  /** Visible label (default) or only an accessible name (compact rows). */
  hideLabel?: boolean;
  className?: string;
}

export function NumberField(props: NumberFieldProps): React.JSX.Element {
  const { t } = useI18n();
  const scale = (v: number | undefined) => (v === undefined || !props.percent ? v : Math.round(v * 1e9 * 100) / 1e9);
  const unscale = (v: number | undefined) => (v === undefined || !props.percent ? v : Math.round((v / 100) * 1e12) / 1e12);
  const read = (s: string) => unscale(readNumber(s, Boolean(props.required)));
  const [text, setText] = useNumberText(props.value, (v) => show(scale(v)), read);
  const parsed = readNumber(text, Boolean(props.required));
  const invalid = parsed !== undefined && Number.isNaN(parsed);
  const input = (
    <Input
      value={text}
      inputMode="decimal"
      aria-label={props.hideLabel ? props.label : undefined}
      aria-invalid={invalid || undefined}
      contentAfter={props.percent ? <span aria-hidden="true">{t("adhoc.percentSign")}</span> : undefined}
      onChange={(_, d) => {
        setText(d.value);
        props.onChange(unscale(readNumber(d.value, Boolean(props.required))));
      }}
    />
  );
  if (props.hideLabel) return <span className={props.className}>{input}</span>;
  return (
    <Field
      className={props.className}
      label={props.label}
      hint={props.hint}
      validationState={invalid ? "error" : "none"}
      validationMessage={invalid ? t("params.invalid") : undefined}
    >
      {input}
    </Field>
  );
}

const STATS: PopStat["stat"][] = ["mean", "median", "percentile"];

/**
 * A number, one of the template's parameters (`{ param }`), or — given `fields` (number fields
 * and measures) — a population threshold (`{ stat, field, p? }`: the mean, median or a percentile
 * of a field over the graded rows).
 */
export function NumValue(props: { label: string; value: Num; onChange: (v: Num) => void; params: readonly Param[]; fields?: readonly TemplateField[] }): React.JSX.Element {
  const s = useEditorStyles();
  const { t, tx } = useI18n();
  const isParam = typeof props.value !== "number";
  const stat = typeof props.value === "object" && "stat" in props.value ? props.value : undefined;
  const paramKey = typeof props.value === "number" ? "" : "param" in props.value ? props.value.param : stat ? `#${stat.stat}:${stat.field}` : "";
  const numberFields = (props.fields ?? []).filter((f) => f.type === "number");
  return (
    <span className={s.row}>
      {!isParam && (
        <NumberField
          label={props.label}
          hideLabel
          required
          className={s.small}
          value={props.value as number}
          onChange={(v) => props.onChange(v ?? NaN)}
        />
      )}
      {(props.params.length > 0 || numberFields.length > 0 || isParam) && (
        <Select
          aria-label={t("editor.numSource", { label: props.label })}
          value={paramKey}
          onChange={(_, d) => {
            if (d.value === "") {
              const p = props.params.find((x) => x.key === paramKey);
              props.onChange(p ? p.default : 0);
            } else if (d.value.startsWith("#")) {
              const [kind, field] = d.value.slice(1).split(":") as [PopStat["stat"], string];
              props.onChange(kind === "percentile" ? { stat: kind, field, p: stat?.p ?? 0.5 } : { stat: kind, field });
            } else props.onChange({ param: d.value });
          }}
        >
          <option value="">{t("editor.numFixed")}</option>
          {props.params.map((p, i) => (
            <option key={i} value={p.key}>
              {t("editor.numParam", { name: tx(p.label) || p.key })}
            </option>
          ))}
          {numberFields.flatMap((f) =>
            STATS.map((k) => (
              <option key={`${k}:${f.key}`} value={`#${k}:${f.key}`}>
                {t(`editor.numStat.${k}`, { name: tx(f.label) || f.key })}
              </option>
            )),
          )}
          {isParam && !stat && !props.params.some((p) => p.key === paramKey) && <option value={paramKey}>{t("editor.unknownOption", { value: paramKey })}</option>}
          {stat && !numberFields.some((f) => f.key === stat.field) && <option value={paramKey}>{t("editor.unknownOption", { value: stat.field })}</option>}
        </Select>
      )}
      {stat?.stat === "percentile" && (
        <NumberField label={t("editor.numStat.p", { label: props.label })} hideLabel className={s.small} required value={stat.p} onChange={(p) => props.onChange({ ...stat, p: p ?? NaN })} />
      )}
    </span>
  );
}

/** Move up / move down / remove buttons of the list item named `name`. */
export function ItemButtons(props: {
  name: string;
  index: number;
  count: number;
  onMove?: (delta: number) => void;
  onRemove?: () => void;
  /** Remove disabled (e.g. the list needs at least one item). */
  keep?: boolean;
}): React.JSX.Element {
  const s = useEditorStyles();
  const { t } = useI18n();
  return (
    <span className={s.buttons}>
      {props.onMove && (
        <>
          <Button size="small" appearance="subtle" disabled={props.index === 0} onClick={() => props.onMove!(-1)} aria-label={t("editor.moveUpNamed", { name: props.name })}>
            {t("editor.moveUp")}
          </Button>
          <Button
            size="small"
            appearance="subtle"
            disabled={props.index >= props.count - 1}
            onClick={() => props.onMove!(1)}
            aria-label={t("editor.moveDownNamed", { name: props.name })}
          >
            {t("editor.moveDown")}
          </Button>
        </>
      )}
      {props.onRemove && (
        <Button size="small" appearance="subtle" disabled={props.keep} onClick={props.onRemove} aria-label={t("adhoc.removeNamed", { label: props.name })}>
          {t("adhoc.remove")}
        </Button>
      )}
    </span>
  );
}

/** A select of ids (grades, fields) that keeps an unknown current value visible as such. */
export function IdSelect(props: {
  label: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  options: readonly { value: string; text: string }[];
  /** Text of the "none" option; without it there is no such option. */
  none?: string;
  hideLabel?: boolean;
  className?: string;
}): React.JSX.Element {
  const { t } = useI18n();
  const v = props.value ?? "";
  const known = v === "" || props.options.some((o) => o.value === v);
  const select = (
    <Select
      aria-label={props.hideLabel ? props.label : undefined}
      value={v}
      onChange={(_, d) => props.onChange(d.value === "" ? undefined : d.value)}
    >
      {(props.none !== undefined || v === "") && <option value="">{props.none ?? t("editor.choose")}</option>}
      {props.options.map((o, i) => (
        <option key={i} value={o.value}>
          {o.text}
        </option>
      ))}
      {!known && <option value={v}>{t("editor.unknownOption", { value: v })}</option>}
    </Select>
  );
  if (props.hideLabel) return <span className={props.className}>{select}</span>;
  return (
    <Field label={props.label} className={props.className}>
      {select}
    </Field>
  );
}

/** A list of words typed as one text, split at commas (also "，" and "、"); keeps what is typed. */
export function ListTextInput(props: { label: string; hint?: string; value: readonly string[]; onChange: (v: string[]) => void }): React.JSX.Element {
  const split = (s: string) => s.split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
  const [text, setText] = React.useState(() => props.value.join(", "));
  React.useEffect(() => {
    setText((cur) => (split(cur).join("\u0000") === props.value.join("\u0000") ? cur : props.value.join(", ")));
  }, [props.value]);
  return (
    <Field label={props.label} hint={props.hint}>
      <Input
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          props.onChange(split(d.value));
        }}
      />
    </Field>
  );
}
