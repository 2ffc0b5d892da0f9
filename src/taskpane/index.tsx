/*
 * TEMPORARY PLACEHOLDER (created by the build/manifest work so webpack has an entry).
 * The task pane engineer owns this file and will replace it with the real React app.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

function mount(): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Text as="h1" size={600} weight="semibold">
        GradeKit
      </Text>
    </FluentProvider>,
  );
}

void Office.onReady(() => mount());
