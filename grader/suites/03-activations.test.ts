import { defineExerciseSuite } from "./suite.ts";

defineExerciseSuite("03-activations");
