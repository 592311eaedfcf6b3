package answer

import "context"

type qidKey struct{}

// WithQuestionID returns a context that carries id as the question's id, so
// the pipeline's log lines (retrieval, model call) share it with the
// adapter's (the Discord reply). Without one the pipeline makes its own.
func WithQuestionID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, qidKey{}, id)
}

// QuestionID returns the id WithQuestionID put in ctx, or "".
func QuestionID(ctx context.Context) string {
	id, _ := ctx.Value(qidKey{}).(string)
	return id
}
