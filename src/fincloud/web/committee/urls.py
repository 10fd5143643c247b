from django.urls import path

from fincloud.web.committee import members, minutes, views, workload

app_name = "committee"
urlpatterns = [
    path("", views.meetings, name="meetings"),
    path("new/", views.meeting_new, name="meeting_new"),
    path("<int:pk>/", views.meeting, name="meeting"),
    path("<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/minutes/", minutes.minutes, name="minutes"),
    path("<int:pk>/attachments/", minutes.attachment_add, name="attachment_add"),
    path("<int:pk>/minutes.docx", minutes.minutes_docx, name="minutes_docx"),
    path("agenda/add/", views.agenda_add, name="agenda_add"),
    path("agenda/<int:pk>/refresh/", views.agenda_refresh, name="agenda_refresh"),
    path("agenda/<int:pk>/remove/", views.agenda_remove, name="agenda_remove"),
    path("agenda/<int:pk>/vote/", views.vote, name="vote"),
    path("agenda/<int:pk>/vote/record/", views.vote_record, name="vote_record"),
    path("agenda/<int:pk>/resolve/", views.resolve, name="resolve"),
    path("agenda/<int:pk>/agenda.docx", minutes.agenda_docx, name="agenda_docx"),
    path("members/", members.members, name="members"),
    path("members/new/", members.member_new, name="member_new"),
    path("members/<int:pk>/", members.member_edit, name="member_edit"),
    path("workloads/<slug:key>/", workload.workload_page, name="workload"),
    path("workloads/<slug:key>/compliance/", workload.compliance_opinion, name="compliance"),
]
