// Package sourcesize holds the test that keeps ombudsgraph's Go source small:
// no file over MaxFileLines lines and no function over MaxFuncLines lines,
// generated code aside. Small files hold one concern each, and a function
// that fits on a screen can be read whole.
package sourcesize

// MaxFileLines is the most lines a hand-written Go file may have.
const MaxFileLines = 400

// MaxFuncLines is the most lines a hand-written function (or function
// literal) may span, from its signature to its closing brace.
const MaxFuncLines = 80
