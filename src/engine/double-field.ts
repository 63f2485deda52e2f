// Zero for number fields that will hold fractions (times, sums of minutes).
//
// V8 lays out an object's number field by the first value stored in it: a
// small integer such as the literal 0 gets an integer slot, and the first
// fraction stored there gives every object of the class a new hidden class.
// Code optimised while the first objects were in use then no longer matches
// the next ones: building the next replication's objects threw away the
// optimised code of the model's handlers, and each replication after a
// process's first ran its first tenth deoptimised (docs/performance.md,
// "Hidden classes that hold still"). A field first given DOUBLE_ZERO is laid
// out for doubles from the start. `node bench/hidden-classes.mjs` counts the
// optimised functions a second replication still throws away (0 expected).

/** 0 as a double: an element read from a Float64Array is a heap number, never a small integer. */
export const DOUBLE_ZERO: number = new Float64Array(1)[0];

/** 1 as a double, for factors (a first-contact resolution factor) that start at 1. */
export const DOUBLE_ONE: number = new Float64Array([1])[0];
