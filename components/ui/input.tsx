"use client";

import type { InputHTMLAttributes, Ref } from "react";

import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./control-styles";
import { useFieldControl } from "./field";

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
}

/** Text-like input. Inside <Field> it picks up its id, description and error. */
export function Input({ className, type = "text", ref, ...props }: InputProps) {
  const wired = useFieldControl(props);
  return <input ref={ref} type={type} className={cn(controlClasses, "h-10", className)} {...wired} />;
}
