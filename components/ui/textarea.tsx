"use client";

import type { Ref, TextareaHTMLAttributes } from "react";

import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./control-styles";
import { useFieldControl } from "./field";

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  ref?: Ref<HTMLTextAreaElement>;
}

export function Textarea({ className, rows = 4, ref, ...props }: TextareaProps) {
  const wired = useFieldControl(props);
  return <textarea ref={ref} rows={rows} className={cn(controlClasses, "min-h-20 resize-y py-2", className)} {...wired} />;
}
