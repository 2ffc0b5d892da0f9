/**
 * A structured editor of one condition: AND / OR groups of conditions on fields (comparison, is,
 * is one of, blank / not blank, text patterns), each of which can be negated; days / months /
 * years since a date field compared with a number. Other computed-expression conditions are
 * shown as such and edited in the JSON view.
 */
import * as React from "react";
import { Button, Checkbox, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { defaultCondition, makeTextPattern, textPatternOf, TEXT_PATTERN_MODES, type CmpOp, type Condition, type Field, type Num, type Param, type TextPatternMode } from "../../engine";
import { SinceNode, isSinceCondition } from "./SinceEditor";
import { useI18n, type MessageKey } from "../i18n";
import { ItemButtons, ListTextInput, NumValue, useEditorStyles } from "./inputs";
import { removeAt, replaceAt } from "./template-draft";

/** Nesting the form offers (deeper conditions still load and are edited in the JSON view). */
export const MAX_FORM_DEPTH = 4;

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    paddingLeft: "8px",
    borderLeft: `3px solid ${tokens.colorBrandStroke2}`,
    minWidth: 0,
  },
  children: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  child: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  leaf: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center", minWidth: 0 },
  checks: { display: "flex", flexWrap: "wrap", gap: "0 8px" },
  note: { color: tokens.colorNeutralForeground2 },
});

type Leaf = Extract<Condition, { field: string }>;
export type LeafOp = CmpOp | "is" | "in" | "blank" | "notBlank" | TextPatternMode | "since";

const NUMBER_OPS: LeafOp[] = [">=", ">", "<=", "<", "=", "!=", "blank", "notBlank"];
const CHOICE_OPS: LeafOp[] = ["is", "in", "blank", "notBlank"];
const TEXT_OPS: LeafOp[] = ["blank", "notBlank"];
const DATE_OPS: LeafOp[] = ["since", "blank", "notBlank"];

export function opsFor(field: Field | undefined): LeafOp[] {
  if (!field) return [...NUMBER_OPS, "is", "in"];
  if (field.type === "number") return NUMBER_OPS;
  if (field.type === "text") return [...TEXT_PATTERN_MODES, ...TEXT_OPS];
  if (field.type === "date") return DATE_OPS;
  if (field.type === "category") return [...CHOICE_OPS.slice(0, 2), ...TEXT_PATTERN_MODES, ...CHOICE_OPS.slice(2)];
  return CHOICE_OPS;
}

const OP_LABEL: Record<LeafOp, MessageKey> = {
  ">=": "cond.op.ge",
  ">": "cond.op.gt",
  "<=": "cond.op.le",
  "<": "cond.op.lt",
  "=": "cond.op.eq",
  "!=": "cond.op.ne",
  is: "cond.op.is",
  in: "cond.op.in",
  blank: "cond.op.blank",
  notBlank: "cond.op.notBlank",
  contains: "cond.op.contains",
  startsWith: "cond.op.startsWith",
  endsWith: "cond.op.endsWith",
  equalsAny: "cond.op.equalsAny",
  since: "cond.op.since",
};

export function leafOp(c: Leaf): LeafOp {
  if ("op" in c) return c.op;
  if ("is" in c) return "is";
  if ("in" in c) return "in";
  const p = textPatternOf(c);
  if (p) return p.mode;
  return "blank" in c && c.blank ? "blank" : "notBlank";
}

/** Choices of a category / yes-no field (canonical values and their labels). */
function choicesOf(field: Field | undefined, tx: (x: { en: string; zh: string }) => string, t: (k: MessageKey) => string) {
  if (!field) return [];
  if (field.type === "yesno") return [
    { value: "yes", text: t("cond.yes") },
    { value: "no", text: t("cond.no") },
  ];
  return (field.categories ?? []).map((c) => ({ value: c.value, text: tx(c.label) || c.value }));
}

/** The leaf for `op` on `field`, keeping the old value where it still fits. */
export function withOp(prev: Leaf, field: Field | undefined, op: LeafOp): Leaf | Condition {
  const key = prev.field;
  if (op === "since") return { expr: { since: key, unit: "days" }, op: ">=", value: 0 };
  if ((TEXT_PATTERN_MODES as readonly LeafOp[]).includes(op)) return makeTextPattern(key, op as TextPatternMode, textPatternOf(prev)?.words ?? [""]);
  if (op === "blank" || op === "notBlank") return { field: key, blank: op === "blank" };
  if (op === "is") {
    const cur = "is" in prev ? prev.is : "in" in prev ? prev.in[0] : undefined;
    return { field: key, is: cur ?? (defaultCondition(field) as { is?: string }).is ?? "" };
  }
  if (op === "in") {
    const cur = "in" in prev ? prev.in : "is" in prev ? [prev.is] : [];
    const first = (defaultCondition(field) as { is?: string }).is;
    return { field: key, in: cur.length ? cur : first !== undefined ? [first] : [""] };
  }
  const value: Num = "op" in prev ? prev.value : 0;
  return { field: key, op: op as CmpOp, value };
}

export interface ConditionEditorProps {
  value: Condition;
  onChange: (c: Condition) => void;
  fields: readonly Field[];
  params: readonly Param[];
  /** Accessible name of this condition, e.g. "Rule 2 condition". */
  label: string;
  depth?: number;
}

/** A condition, top level: a single comparison offers "Add a condition" (it becomes an AND group). */
export function ConditionEditor(props: ConditionEditorProps): React.JSX.Element {
  const { t } = useI18n();
  const s = useEditorStyles();
  const c = props.value;
  const isGroup = "all" in c || "any" in c;
  return (
    <div className={s.section}>
      <ConditionNode {...props} depth={props.depth ?? 0} />
      {!isGroup && (
        <span className={s.buttons}>
          <Button
            size="small"
            onClick={() => props.onChange({ all: [c, defaultCondition(props.fields[0])] })}
            aria-label={t("cond.addNamed", { label: props.label })}
          >
            {t("cond.add")}
          </Button>
        </span>
      )}
    </div>
  );
}

function ConditionNode(props: ConditionEditorProps & { depth: number }): React.JSX.Element {
  const st = useStyles();
  const { t } = useI18n();
  const c = props.value;
  const negated = "not" in c;
  const inner = negated ? c.not : c;
  const wrap = (x: Condition): Condition => (negated ? { not: x } : x);
  return (
    <div className={st.child}>
      <Checkbox
        label={t("cond.not")}
        aria-label={t("cond.notNamed", { label: props.label })}
        checked={negated}
        onChange={(_, d) => props.onChange(d.checked ? { not: inner } : inner)}
      />
      {"all" in inner || "any" in inner ? (
        <GroupNode {...props} value={inner} onChange={(x) => props.onChange(wrap(x))} />
      ) : "not" in inner ? (
        <ConditionNode {...props} value={inner} onChange={(x) => props.onChange(wrap(x))} />
      ) : isSinceCondition(inner) ? (
        <SinceNode {...props} value={inner} onChange={(x) => props.onChange(wrap(x))} />
      ) : "expr" in inner ? (
        <Text size={200} className={st.note}>
          {t("cond.expr")}
        </Text>
      ) : (
        <LeafNode {...props} value={inner} onChange={(x) => props.onChange(wrap(x))} />
      )}
    </div>
  );
}

function GroupNode(props: Omit<ConditionEditorProps, "value"> & { value: Extract<Condition, { all: Condition[] }> | Extract<Condition, { any: Condition[] }>; depth: number }): React.JSX.Element {
  const st = useStyles();
  const s = useEditorStyles();
  const { t } = useI18n();
  const mode: "all" | "any" = "all" in props.value ? "all" : "any";
  const list = "all" in props.value ? props.value.all : props.value.any;
  const set = (items: Condition[], m = mode): void => props.onChange(m === "all" ? { all: items } : { any: items });
  const deeper = props.depth + 1 < MAX_FORM_DEPTH;
  return (
    <div className={st.group} role="group" aria-label={props.label}>
      <Select aria-label={t("cond.modeNamed", { label: props.label })} value={mode} onChange={(_, d) => set(list, d.value === "any" ? "any" : "all")}>
        <option value="all">{t("cond.all")}</option>
        <option value="any">{t("cond.any")}</option>
      </Select>
      <ol className={st.children}>
        {list.map((child, k) => {
          const label = t("cond.childLabel", { label: props.label, n: k + 1 });
          return (
            <li key={k} className={st.child}>
              <ConditionNode {...props} value={child} label={label} depth={props.depth + 1} onChange={(x) => set(replaceAt(list, k, x))} />
              <ItemButtons name={label} index={k} count={list.length} onRemove={() => set(removeAt(list, k))} keep={list.length <= 1} />
            </li>
          );
        })}
      </ol>
      <span className={s.buttons}>
        <Button size="small" onClick={() => set([...list, defaultCondition(props.fields[0])])} aria-label={t("cond.addNamed", { label: props.label })}>
          {t("cond.add")}
        </Button>
        {deeper && (
          <Button
            size="small"
            onClick={() => set([...list, { [mode === "all" ? "any" : "all"]: [defaultCondition(props.fields[0])] } as Condition])}
            aria-label={t("cond.addGroupNamed", { label: props.label })}
          >
            {t("cond.addGroup")}
          </Button>
        )}
      </span>
    </div>
  );
}

function LeafNode(props: Omit<ConditionEditorProps, "value"> & { value: Leaf }): React.JSX.Element {
  const st = useStyles();
  const { t, tx } = useI18n();
  const c = props.value;
  const field = props.fields.find((f) => f.key === c.field);
  const op = leafOp(c);
  const ops = opsFor(field);
  const choices = choicesOf(field, tx, t);
  const knownField = props.fields.some((f) => f.key === c.field);
  return (
    <div className={st.leaf}>
      <Select
        aria-label={t("cond.fieldNamed", { label: props.label })}
        value={c.field}
        onChange={(_, d) => {
          const f = props.fields.find((x) => x.key === d.value);
          const next = opsFor(f);
          props.onChange(next.includes(op) && op !== "since" ? withOp({ ...c, field: d.value } as Leaf, f, op) : defaultCondition(f));
        }}
      >
        {!knownField && <option value={c.field}>{c.field ? t("editor.unknownOption", { value: c.field }) : t("editor.choose")}</option>}
        {props.fields.map((f, i) => (
          <option key={i} value={f.key}>
            {tx(f.label) || f.key}
          </option>
        ))}
      </Select>
      <Select aria-label={t("cond.opNamed", { label: props.label })} value={op} onChange={(_, d) => props.onChange(withOp(c, field, d.value as LeafOp))}>
        {(ops.includes(op) ? ops : [op, ...ops]).map((o) => (
          <option key={o} value={o}>
            {t(OP_LABEL[o])}
          </option>
        ))}
      </Select>
      {"op" in c && (
        <NumValue label={t("cond.valueNamed", { label: props.label })} value={c.value} params={props.params} fields={props.fields} onChange={(v) => props.onChange({ ...c, value: v })} />
      )}
      {textPatternOf(c) && (
        <ListTextInput
          label={t("cond.wordsNamed", { label: props.label })}
          hint={t("cond.wordsHint")}
          value={textPatternOf(c)!.words}
          onChange={(ws) => props.onChange(makeTextPattern(c.field, textPatternOf(c)!.mode, ws.length ? ws : [""]))}
        />
      )}
      {"is" in c && (
        <Select aria-label={t("cond.valueNamed", { label: props.label })} value={c.is} onChange={(_, d) => props.onChange({ field: c.field, is: d.value })}>
          {!choices.some((x) => x.value === c.is) && <option value={c.is}>{c.is ? t("editor.unknownOption", { value: c.is }) : t("editor.choose")}</option>}
          {choices.map((x, i) => (
            <option key={i} value={x.value}>
              {x.text}
            </option>
          ))}
        </Select>
      )}
      {"in" in c && (
        <div className={st.checks} role="group" aria-label={t("cond.valuesNamed", { label: props.label })}>
          {[...choices, ...c.in.filter((v) => !choices.some((x) => x.value === v)).map((v) => ({ value: v, text: t("editor.unknownOption", { value: v }) }))].map(
            (x, i) => (
              <Checkbox
                key={i}
                label={x.text}
                checked={c.in.includes(x.value)}
                onChange={(_, d) => {
                  const next = d.checked ? [...c.in, x.value] : c.in.filter((v) => v !== x.value);
                  props.onChange({ field: c.field, in: next });
                }}
              />
            ),
          )}
        </div>
      )}
    </div>
  );
}
