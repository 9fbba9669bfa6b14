{{- define "nastavnik.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "nastavnik.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "nastavnik.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "nastavnik.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "nastavnik.secretName" -}}
{{- if .Values.secret.create -}}
{{ include "nastavnik.fullname" . }}
{{- else -}}
{{ required "secret.existingSecret is required" .Values.secret.existingSecret }}
{{- end -}}
{{- end -}}

{{/* Environment shared by api, worker and migrate: ConfigMap + Secret. */}}
{{- define "nastavnik.envFrom" -}}
- configMapRef:
    name: {{ include "nastavnik.fullname" . }}
- secretRef:
    name: {{ include "nastavnik.secretName" . }}
{{- end -}}
